package io.referrals.events.referral;

import io.referrals.events.Consent;
import io.referrals.events.ReferralStatus;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * v1: an inbound referral moved from one status to another. Carries the referred person's current consent, so a
 * consumer never tells the referrer more than allowed; never their contact details, nor the practice's note.
 */
public record ReferralStatusChanged(
        UUID referralId, UUID partnerId, ReferralStatus from, ReferralStatus to, Consent consent, Instant at) {
    public ReferralStatusChanged {
        Objects.requireNonNull(referralId, "referralId");
        // partnerId is null while the referral's attribution is unverified or after it was rejected (issue 10).
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(consent, "consent");
        Objects.requireNonNull(at, "at");
    }
}
