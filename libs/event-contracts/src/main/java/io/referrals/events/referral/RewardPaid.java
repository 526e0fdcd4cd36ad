package io.referrals.events.referral;

import io.referrals.events.Money;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** v1: a reward was paid (or, for a client reward, given). */
public record RewardPaid(UUID rewardId, UUID referralId, UUID partnerId, Money amount, Instant paidAt) {
    public RewardPaid {
        Objects.requireNonNull(rewardId, "rewardId");
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(paidAt, "paidAt");
    }
}
