package io.referrals.events.partner;

import io.referrals.events.PartnerCategory;
import io.referrals.events.PartnerStage;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * v1: a partner (or referral source) record was created. {@code allianceTypes} (wire values such as
 * {@code referral}), {@code stage}, {@code checkInCadenceDays} (null: the practice's default) and {@code candidate}
 * were added later: they are absent (null) in events written before, which readers treat as no alliance types,
 * identified, the default cadence and not a candidate.
 */
public record PartnerCreated(
        UUID partnerId,
        String name,
        String email,
        PartnerCategory category,
        Instant createdAt,
        List<String> allianceTypes,
        PartnerStage stage,
        Integer checkInCadenceDays,
        Boolean candidate) {
    public PartnerCreated {
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
    }

    /** The fields of the first version. */
    public PartnerCreated(UUID partnerId, String name, String email, PartnerCategory category, Instant createdAt) {
        this(partnerId, name, email, category, createdAt, null, null, null, null);
    }
}
