package io.referrals.partner.entity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Who a campaign asks, as the audience query takes it: filters over the practice's partners (each empty or null: no
 * restriction) or an explicit list of partner ids ({@code partnerIds} non-null). Enum values are their Java names, as
 * the partner table stores them. Archived partners, candidates, ended relationships and partners without an email are
 * never in an audience.
 */
public record CampaignAudience(
        List<String> categories,
        List<String> allianceTypes,
        List<String> stages,
        Instant lastReferralBefore,
        Instant lastReferralAfter,
        Integer fitAtLeast,
        Boolean neverReferred,
        List<UUID> partnerIds) {
    public CampaignAudience {
        categories = categories == null ? List.of() : List.copyOf(categories);
        allianceTypes = allianceTypes == null ? List.of() : List.copyOf(allianceTypes);
        stages = stages == null ? List.of() : List.copyOf(stages);
        partnerIds = partnerIds == null ? null : List.copyOf(partnerIds);
    }
}
