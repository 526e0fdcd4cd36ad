package io.referrals.events.partner;

import io.referrals.events.PartnerCategory;
import io.referrals.events.PartnerEditor;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * v1: a partner's identifying or grouping fields changed; carries the full new values, not a diff.
 * {@code allianceTypes} and {@code checkInCadenceDays} were added later and are null in older events (unknown: keep
 * what you had). {@code fitScore} (0–100, how well the clients the partner serves match the practice's niches) and
 * {@code changedBy} came with the partner portal: a partner's own change of their details is announced every time
 * ({@code changedBy} partner), even when no other field here changed; both are null in older events.
 */
public record PartnerUpdated(
        UUID partnerId,
        String name,
        String email,
        PartnerCategory category,
        Instant updatedAt,
        List<String> allianceTypes,
        Integer checkInCadenceDays,
        Integer fitScore,
        PartnerEditor changedBy) {
    public PartnerUpdated {
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
    }

    /** The fields of the first version. */
    public PartnerUpdated(UUID partnerId, String name, String email, PartnerCategory category, Instant updatedAt) {
        this(partnerId, name, email, category, updatedAt, null, null, null, null);
    }

    /** The fields before the partner portal. */
    public PartnerUpdated(
            UUID partnerId,
            String name,
            String email,
            PartnerCategory category,
            Instant updatedAt,
            List<String> allianceTypes,
            Integer checkInCadenceDays) {
        this(partnerId, name, email, category, updatedAt, allianceTypes, checkInCadenceDays, null, null);
    }
}
