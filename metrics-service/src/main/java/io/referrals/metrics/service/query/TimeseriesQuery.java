package io.referrals.metrics.service.query;

import io.referrals.events.PartnerCategory;
import java.time.LocalDate;
import java.util.UUID;

/** A time series asked for: at most one of partner, category and alliance type narrows it. */
public record TimeseriesQuery(
        Metric metric,
        Interval interval,
        LocalDate from,
        LocalDate to,
        UUID partnerId,
        PartnerCategory category,
        String allianceType) {}
