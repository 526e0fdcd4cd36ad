package io.referrals.partner.rest;

import io.referrals.events.PartnerCategory;
import io.referrals.events.PartnerStage;
import io.referrals.partner.service.CampaignReads;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AudiencePreview", description = "Who a campaign asks (one page), and who the overlap rule keeps out")
public record AudiencePreviewView(
        @Schema(description = "Partners asked (excluded ones not counted)", example = "40")
        long total,

        @Schema(
                description = "Partners already assigned in another scheduled or running campaign whose window "
                        + "overlaps: not asked")
        List<ExcludedView> excluded,

        List<MemberView> partners,
        @Schema(example = "0") int page,
        @Schema(example = "50") int size) {

    @Schema(name = "AudienceExcluded")
    public record ExcludedView(
            UUID partnerId,
            String name,
            @Schema(example = "in_campaign") String reason,
            UUID campaignId,
            String campaignName) {}

    @Schema(name = "AudiencePartner")
    public record MemberView(
            UUID partnerId,
            String name,
            @Schema(example = "professional") PartnerCategory category,
            @Schema(example = "trusted") PartnerStage stage,
            Integer fitScore,
            Instant lastReferralAt,

            @Schema(description = "The partner's variant; null before the campaign starts", example = "a")
            String variant) {}

    public static AudiencePreviewView of(CampaignReads.Audience audience) {
        return new AudiencePreviewView(
                audience.total(),
                audience.excluded().stream()
                        .map(e ->
                                new ExcludedView(e.partnerId(), e.name(), e.reason(), e.campaignId(), e.campaignName()))
                        .toList(),
                audience.partners().stream()
                        .map(p -> new MemberView(
                                p.partnerId(),
                                p.name(),
                                p.category(),
                                p.stage(),
                                p.fitScore(),
                                p.lastReferralAt(),
                                p.variant()))
                        .toList(),
                audience.page(),
                audience.size());
    }
}
