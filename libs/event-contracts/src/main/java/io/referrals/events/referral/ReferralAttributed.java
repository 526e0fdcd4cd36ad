package io.referrals.events.referral;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * v1: the practice confirmed the unverified attribution of an inbound referral (received with
 * {@link ReferralReceived#UNVERIFIED}): from now on it is {@code referrer.partnerId}'s referral, with everything it
 * reached so far (consumers credit the partner as if it had been attributed at receipt). A rejected attribution
 * publishes nothing: the referral stays nobody's.
 */
public record ReferralAttributed(UUID referralId, Referrer referrer, Instant attributedAt) {
    public ReferralAttributed {
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(referrer, "referrer");
        Objects.requireNonNull(referrer.partnerId(), "referrer.partnerId");
        Objects.requireNonNull(attributedAt, "attributedAt");
    }
}
