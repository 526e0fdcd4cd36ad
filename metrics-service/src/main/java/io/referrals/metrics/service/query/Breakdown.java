package io.referrals.metrics.service.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Referral numbers per group of partners (by their current attributes) or per channel over a range. */
public record Breakdown(Dimension by, LocalDate from, LocalDate to, List<Group> groups) {

    /** One group: {@code key} is a category, alliance type, stage, or channel (api, intake_link, portal, given). */
    public record Group(
            String key,
            long received,
            long converted,
            BigDecimal conversionRate,
            BigDecimal averageDaysToConvert,
            BigDecimal averageDaysToBook,
            List<Amount> revenue,
            long given) {}
}
