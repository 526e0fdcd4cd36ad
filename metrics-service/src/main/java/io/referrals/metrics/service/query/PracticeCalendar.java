package io.referrals.metrics.service.query;

import io.referrals.metrics.entity.PracticeRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** The practice's local calendar: its time zone and today in it. */
@ApplicationScoped
class PracticeCalendar {
    @Inject
    PracticeRepository practices;

    @Inject
    Clock clock;

    public ZoneId zone(String tenantId) {
        return practices.find(tenantId).zone();
    }

    public LocalDate today(String tenantId) {
        return LocalDate.ofInstant(clock.instant(), zone(tenantId));
    }

    public DateRange range(String tenantId, LocalDate from, LocalDate to) {
        return DateRange.of(from, to, today(tenantId));
    }
}
