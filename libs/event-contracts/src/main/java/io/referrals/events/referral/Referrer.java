package io.referrals.events.referral;

import java.util.Objects;
import java.util.UUID;

/**
 * Who sent the referral, as known to referral-service when it was received. {@code partnerId} is null (since issue 10)
 * in a {@link ReferralReceived} whose attribution is unverified: a referrer matched by email on a public intake link
 * is nobody's referral until the practice confirms it ({@link ReferralAttributed} then names the partner).
 */
public record Referrer(UUID partnerId, String name, String email) {
    public Referrer {
        Objects.requireNonNull(name, "name");
    }
}
