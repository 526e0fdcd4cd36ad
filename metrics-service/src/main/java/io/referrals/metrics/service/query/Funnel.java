package io.referrals.metrics.service.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The referrals received in a range (a cohort) and how far they got. */
public record Funnel(LocalDate from, LocalDate to, List<Step> steps) {

    /**
     * A step by its status's JSON name: how many reached it, over the previous step (closed outcomes: over received;
     * null for the first), and the median hours spent in it (null when none moved on, or for closed outcomes).
     */
    public record Step(String status, long reached, BigDecimal fromPrevious, Long medianHoursInStep) {}
}
