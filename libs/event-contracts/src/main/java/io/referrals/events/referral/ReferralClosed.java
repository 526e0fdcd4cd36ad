package io.referrals.events.referral;

import io.referrals.events.Consent;
import io.referrals.events.ReferralStatus;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * v1: an inbound referral ended without the person becoming a client; {@code outcome} is not_a_fit, declined or
 * no_response. Carries the current consent; never the referred person's contact details.
 */
public record ReferralClosed(
        UUID referralId,
        UUID partnerId,
        ReferralStatus outcome,
        Consent consent,
        Instant receivedAt,
        Instant closedAt) {
    public ReferralClosed {
        Objects.requireNonNull(referralId, "referralId");
        // partnerId is null while the referral's attribution is unverified or after it was rejected (issue 10).
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(consent, "consent");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(closedAt, "closedAt");
    }
}
