package io.referrals.events.partner;

import io.referrals.events.PartnerCategory;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** v1: a partner (or referral source) record was created. */
public record PartnerCreated(UUID partnerId, String name, String email, PartnerCategory category, Instant createdAt) {
    public PartnerCreated {
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
    }
}
