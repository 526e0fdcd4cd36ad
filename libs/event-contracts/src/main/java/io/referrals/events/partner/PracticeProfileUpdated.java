package io.referrals.events.partner;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * v1: the practice changed its profile. Carries what other services compute with: the IANA time zone its weeks and
 * months are counted in, its monthly referral goal (null: none) and its default check-in cadence in days. Keyed by
 * {@link #practiceKey(String)}, so that one practice's profile changes stay in order.
 */
public record PracticeProfileUpdated(
        String timeZone, Integer monthlyReferralGoal, int defaultCheckInCadenceDays, Instant updatedAt) {
    public PracticeProfileUpdated {
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** The aggregate id of a practice's profile: a name-based UUID of its tenant id. */
    public static UUID practiceKey(String tenantId) {
        return UUID.nameUUIDFromBytes(("practice:" + tenantId).getBytes(StandardCharsets.UTF_8));
    }
}
