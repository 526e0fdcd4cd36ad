package io.referrals.events.partner;

import io.referrals.events.PartnerCategory;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * v1: a partner's identifying or grouping fields changed; carries the full new values, not a diff.
 * {@code allianceTypes} and {@code checkInCadenceDays} were added later and are null in older events (unknown: keep
 * what you had).
 */
public record PartnerUpdated(
        UUID partnerId,
        String name,
        String email,
        PartnerCategory category,
        Instant updatedAt,
        List<String> allianceTypes,
        Integer checkInCadenceDays) {
    public PartnerUpdated {
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
    }

    /** The fields of the first version. */
    public PartnerUpdated(UUID partnerId, String name, String email, PartnerCategory category, Instant updatedAt) {
        this(partnerId, name, email, category, updatedAt, null, null);
    }
}
