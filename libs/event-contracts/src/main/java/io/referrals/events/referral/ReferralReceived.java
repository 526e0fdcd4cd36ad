package io.referrals.events.referral;

import io.referrals.events.Consent;
import io.referrals.events.ReferralChannel;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * v1: an inbound referral was recorded. Carries the referred person's name (for the thank-you) and their consent,
 * never their contact details. {@code channel} (null in older events: api) and {@code firstContactDueAt} (the
 * practice's deadline for the first contact; null in older events) were added later.
 */
public record ReferralReceived(
        UUID referralId,
        Referrer referrer,
        String referredName,
        Consent consent,
        Instant receivedAt,
        ReferralChannel channel,
        Instant firstContactDueAt) {
    public ReferralReceived {
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(referrer, "referrer");
        Objects.requireNonNull(referredName, "referredName");
        Objects.requireNonNull(consent, "consent");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /** The fields of the first version. */
    public ReferralReceived(
            UUID referralId, Referrer referrer, String referredName, Consent consent, Instant receivedAt) {
        this(referralId, referrer, referredName, consent, receivedAt, null, null);
    }
}
