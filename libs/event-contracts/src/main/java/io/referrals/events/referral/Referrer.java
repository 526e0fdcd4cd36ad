package io.referrals.events.referral;

import java.util.Objects;
import java.util.UUID;

/** Who sent the referral, as known to referral-service when it was received. */
public record Referrer(UUID partnerId, String name, String email) {
    public Referrer {
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(name, "name");
    }
}
