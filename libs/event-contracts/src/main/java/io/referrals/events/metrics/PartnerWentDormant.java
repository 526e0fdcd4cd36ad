package io.referrals.events.metrics;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * v1: a partner with an active relationship has had neither a referral (either way) nor a touchpoint for twice its
 * check-in cadence. Published once per dormancy episode; {@link PartnerReactivated} ends the episode.
 */
public record PartnerWentDormant(
        UUID partnerId, Instant lastActivityAt, int silentDays, int cadenceDays, Instant detectedAt) {
    public PartnerWentDormant {
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(lastActivityAt, "lastActivityAt");
        Objects.requireNonNull(detectedAt, "detectedAt");
    }
}
