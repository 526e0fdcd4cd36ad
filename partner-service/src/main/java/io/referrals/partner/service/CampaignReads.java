package io.referrals.partner.service;

import io.referrals.events.PartnerCategory;
import io.referrals.events.PartnerStage;
import io.referrals.partner.entity.Campaign;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the campaign service answers besides campaigns themselves. */
public final class CampaignReads {
    private CampaignReads() {}

    /** A campaign with how many asks it assigned. */
    public record Entry(Campaign campaign, long assigned) {}

    /** A partner of an audience; {@code variant} null before the campaign assigned them. */
    public record AudiencePartner(
            UUID partnerId,
            String name,
            PartnerCategory category,
            PartnerStage stage,
            Integer fitScore,
            Instant lastReferralAt,
            String variant) {}

    /** A partner the overlap rule keeps out: already assigned in another overlapping campaign. */
    public record Excluded(UUID partnerId, String name, String reason, UUID campaignId, String campaignName) {
        public static final String IN_CAMPAIGN = "in_campaign";
    }

    /** One page of an audience, its total, and every partner excluded from it. */
    public record Audience(long total, List<Excluded> excluded, List<AudiencePartner> partners, int page, int size) {}

    /** A variant's ask as a partner would read it; {@code samplePartnerId} null: filled with example values. */
    public record AskPreview(String variant, String subject, String body, UUID samplePartnerId) {}
}
