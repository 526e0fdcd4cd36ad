package io.referrals.events.referral;

import io.referrals.events.Money;
import io.referrals.events.RewardType;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * v1: a converted referral earned a reward: a fee owed to the partner under the agreement in force when the referral
 * was received ({@code agreementId}), or a client reward recorded by the practice (no agreement). {@code amount} is
 * null for rewards without a money value (exclusive access).
 */
public record RewardEarned(
        UUID rewardId,
        UUID referralId,
        UUID partnerId,
        RewardType type,
        Money amount,
        UUID agreementId,
        Instant earnedAt) {
    public RewardEarned {
        Objects.requireNonNull(rewardId, "rewardId");
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(earnedAt, "earnedAt");
    }
}
