package io.referrals.events.campaign;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * v1 (referral-service, {@code referral.events}, key: the referral id): the practice recorded the answer to a converted
 * referral's pleased check-in, whether the person the partner referred is pleased. A {@code pleased} answer triggers
 * the asks of running {@link CampaignTrigger#PLEASED_CHECK_IN} campaigns; any answer closes the check-in task.
 */
public record ReferralPleasedCheckInAnswered(UUID referralId, UUID partnerId, boolean pleased, Instant answeredAt) {
    public ReferralPleasedCheckInAnswered {
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(answeredAt, "answeredAt");
    }
}
