package io.referrals.partner.entity;

import java.time.Duration;
import java.time.Instant;

/**
 * When a partner is next due a check-in: one cadence after the last touchpoint (or after the record was created),
 * the cadence being the partner's own or the practice's default (monthly unless changed).
 */
public final class CheckInSchedule {
    private CheckInSchedule() {}

    public static int cadenceDays(Partner partner, Practice practice) {
        return partner.checkInCadenceDays != null ? partner.checkInCadenceDays : practice.defaultCheckInCadenceDays;
    }

    public static Instant nextDue(Partner partner, Practice practice) {
        Instant from = partner.lastTouchpointAt != null ? partner.lastTouchpointAt : partner.createdAt;
        return from.plus(Duration.ofDays(cadenceDays(partner, practice)));
    }
}
