package io.referrals.events.metrics;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** v1: a dormant partner's activity resumed (a referral either way, or a touchpoint): the dormancy episode ended. */
public record PartnerReactivated(UUID partnerId, Instant dormantSince, Instant reactivatedAt) {
    public PartnerReactivated {
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(dormantSince, "dormantSince");
        Objects.requireNonNull(reactivatedAt, "reactivatedAt");
    }
}
