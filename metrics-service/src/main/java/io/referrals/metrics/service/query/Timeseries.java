package io.referrals.metrics.service.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** One metric per calendar period of the range, zero-filled; money metrics one point per period and currency. */
public record Timeseries(Metric metric, Interval interval, LocalDate from, LocalDate to, List<Point> points) {

    /** A period's value; {@code currency} null for counts. */
    public record Point(LocalDate start, String currency, BigDecimal value) {}
}
