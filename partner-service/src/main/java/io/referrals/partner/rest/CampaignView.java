package io.referrals.partner.rest;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.referrals.events.PartnerCategory;
import io.referrals.events.PartnerStage;
import io.referrals.events.RewardType;
import io.referrals.events.campaign.CampaignGoal;
import io.referrals.events.campaign.CampaignTrigger;
import io.referrals.events.campaign.IncentiveEarnedOn;
import io.referrals.partner.entity.AllianceType;
import io.referrals.partner.entity.Campaign;
import io.referrals.partner.entity.CampaignStatus;
import io.referrals.partner.entity.CampaignVariantTerms;
import io.referrals.partner.service.CampaignReads;
import io.referrals.partner.service.CampaignService;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Campaign")
public record CampaignView(
        @Schema(example = "7d3c1f0e-8f8e-4a4b-9a53-2b8d1c3f5e61")
        UUID id,

        @Schema(example = "Spring ask") String name,

        @Schema(description = "When it starts (or started) asking", example = "2027-03-01T00:00:00Z")
        Instant startsAt,

        @Schema(example = "2027-04-01T00:00:00Z") Instant endsAt,
        @Schema(example = "start") CampaignTrigger trigger,
        @Schema(example = "partners_referring") CampaignGoal goal,
        boolean autoSend,
        AudienceView audience,
        List<VariantView> variants,
        @Schema(example = "0.100") BigDecimal differenceWorthKnowing,

        @Schema(description = "draft, scheduled, running or ended", example = "draft")
        CampaignStatus status,

        @Schema(
                description = "The assignment hash's seed, hex; shown once the campaign runs (null before)",
                example = "9f2c…")
        String seed,

        Instant createdAt,
        Instant updatedAt,
        Instant startedAt,
        Instant endedAt,

        @Schema(description = "Asks the campaign assigned", example = "40")
        long assigned) {

    @Schema(name = "CampaignAudienceFilters", description = "The audience as saved: filters, or partnerIds")
    public record AudienceView(
            List<PartnerCategory> categories,
            List<AllianceType> allianceTypes,
            List<PartnerStage> stages,
            Instant lastReferralBefore,
            Instant lastReferralAfter,
            Integer fitAtLeast,
            Boolean neverReferred,
            List<UUID> partnerIds) {}

    @Schema(name = "CampaignVariantView")
    public record VariantView(
            @Schema(example = "a") String key,
            @Schema(example = "Thank-you note") String name,
            @Schema(example = "50") int weight,
            String askSubject,
            String askBody,
            IncentiveView incentive) {}

    @Schema(name = "CampaignIncentiveView")
    public record IncentiveView(
            @Schema(example = "session_credit") RewardType type,
            ValueView value,
            @Schema(example = "a free coaching session") String description,
            @Schema(example = "conversion") IncentiveEarnedOn earnedOn) {}

    @Schema(name = "CampaignIncentiveValueView")
    public record ValueView(
            @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING, example = "80.0000")
            BigDecimal amount,

            @Schema(example = "USD") String currency) {}

    public static CampaignView of(CampaignReads.Entry entry) {
        Campaign c = entry.campaign();
        return new CampaignView(
                c.id,
                c.name,
                c.startsAt,
                c.endsAt,
                c.trigger,
                c.goal,
                c.autoSend,
                new AudienceView(
                        c.audienceCategories.stream()
                                .map(PartnerCategory::valueOf)
                                .toList(),
                        c.audienceAllianceTypes.stream()
                                .map(AllianceType::valueOf)
                                .toList(),
                        c.audienceStages.stream().map(PartnerStage::valueOf).toList(),
                        c.audienceLastReferralBefore,
                        c.audienceLastReferralAfter,
                        c.audienceFitAtLeast,
                        c.audienceNeverReferred,
                        c.audiencePartnerIds == null ? null : List.copyOf(c.audiencePartnerIds)),
                c.variants.stream().map(CampaignView::variant).toList(),
                c.differenceWorthKnowing,
                c.status,
                c.status.started() ? CampaignService.hex(c.seed) : null,
                c.createdAt,
                c.updatedAt,
                c.startedAt,
                c.endedAt,
                entry.assigned());
    }

    private static VariantView variant(CampaignVariantTerms v) {
        IncentiveView incentive = v.hasIncentive()
                ? new IncentiveView(
                        v.incentiveType,
                        new ValueView(v.incentiveAmount, v.incentiveCurrency),
                        v.incentiveDescription,
                        v.incentiveEarnedOn)
                : null;
        return new VariantView(v.key, v.name, v.weight, v.askSubject, v.askBody, incentive);
    }
}
