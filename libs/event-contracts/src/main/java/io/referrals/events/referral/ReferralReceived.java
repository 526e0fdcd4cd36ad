package io.referrals.events.referral;

import io.referrals.events.Consent;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * v1: an inbound referral was recorded. Carries the referred person's name (for the thank-you) and
 * their consent, never their contact details.
 */
public record ReferralReceived(UUID referralId, Referrer referrer, String referredName, Consent consent,
        Instant receivedAt) {
    public ReferralReceived {
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(referrer, "referrer");
        Objects.requireNonNull(referredName, "referredName");
        Objects.requireNonNull(consent, "consent");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
