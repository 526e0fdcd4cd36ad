package io.referrals.events.referral;

import io.referrals.events.Consent;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * v1: the referred person changed what the referrer may be told. {@code from} is the consent before the change,
 * {@code consent} the one now in force; a consumer that drafted a message under a wider consent re-renders or
 * withdraws it. Never the person's contact details nor the practice's note about the change.
 */
public record ReferralConsentChanged(
        UUID referralId, UUID partnerId, Consent from, Consent consent, Instant changedAt) {
    public ReferralConsentChanged {
        Objects.requireNonNull(referralId, "referralId");
        // partnerId is null while the referral's attribution is unverified or after it was rejected (issue 10).
        Objects.requireNonNull(consent, "consent");
        Objects.requireNonNull(changedAt, "changedAt");
    }

    /** Whether the referrer may now be told less than before. */
    public boolean narrowed() {
        return from != null && !consent.allows(from);
    }
}
