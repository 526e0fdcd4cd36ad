package io.referrals.events.partner;

import io.referrals.events.PartnerCategory;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** v1: a partner's identifying fields changed; carries the full new values, not a diff. */
public record PartnerUpdated(UUID partnerId, String name, String email, PartnerCategory category, Instant updatedAt) {
    public PartnerUpdated {
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
    }
}
