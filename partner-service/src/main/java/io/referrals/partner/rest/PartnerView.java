package io.referrals.partner.rest;

import io.referrals.events.PartnerCategory;
import io.referrals.events.PartnerStage;
import io.referrals.partner.entity.AllianceType;
import io.referrals.partner.entity.Partner;
import io.referrals.partner.entity.Relationship;
import io.referrals.partner.service.PartnerLifecycle;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Partner")
public record PartnerView(
        @Schema(example = "0b7c1f0e-8f8e-4a4b-9a53-2b8d1c3f5e61")
        UUID id,

        @Schema(example = "Dana Lee") String name,
        @Schema(example = "dana@leecounseling.example") String email,
        @Schema(example = "professional") PartnerCategory category,
        @Schema(example = "Lee Counseling") String organization,

        @Schema(example = "Licensed marriage and family therapist")
        String role,

        boolean licensed,
        String phone,
        String website,
        String notes,
        List<String> tags,

        @Schema(description = "The clients this partner serves", example = "[\"couples\", \"career change\"]")
        List<String> niches,

        @Schema(
                description = "What the partner specialises in (they may write it in the portal); scored for fit with"
                        + " the niches",
                example = "[\"EMDR\"]")
        List<String> specialties,

        List<AllianceType> allianceTypes,

        @Schema(description = "source until an agreement is active, then partner", example = "source")
        Relationship relationship,

        @Schema(example = "building_rapport") PartnerStage stage,

        @Schema(
                description = "The stages this partner may move to from its stage (POST "
                        + "/api/partners/{id}/stage-transitions), as the relationship lifecycle allows",
                example = "[\"mutual_benefit_agreed\", \"dormant\", \"ended\"]")
        List<PartnerStage> allowedStages,

        String owner,

        @Schema(description = "This partner's own cadence, if it overrides the practice's")
        Integer checkInCadenceDays,

        @Schema(description = "Created from a referral by someone not yet known")
        boolean candidate,

        UUID candidateReferralId,

        @Schema(description = "Something happened that the practice should look at")
        boolean needsReview,

        UUID activeAgreementId,
        Fit fit,
        Instant lastTouchpointAt,
        Instant nextCheckInDue,
        Instant archivedAt,
        Instant createdAt,
        Instant updatedAt,

        @Schema(description = "When the partner last changed their own details in the portal; null if never")
        Instant profileUpdatedByPartnerAt) {

    @Schema(name = "Fit", description = "How well the partner's clients match the practice's ideal referral")
    public record Fit(
            @Schema(
                    description = "0 to 100; null until the practice describes its ideal referral niches",
                    example = "67")
            Integer score,

            @Schema(example = "[\"Serves 2 of your 3 niches: couples, career change\"]")
            List<String> reasons) {}

    public static PartnerView of(Partner p) {
        return new PartnerView(
                p.id,
                p.name,
                p.email,
                p.category,
                p.organization,
                p.role,
                p.licensed,
                p.phone,
                p.website,
                p.notes,
                List.copyOf(p.tags),
                List.copyOf(p.niches),
                List.copyOf(p.specialties),
                p.allianceTypes.stream().map(AllianceType::valueOf).toList(),
                p.relationship(),
                p.stage,
                PartnerLifecycle.allowedFrom(p.stage),
                p.owner,
                p.checkInCadenceDays,
                p.candidate,
                p.candidateReferralId,
                p.needsReview,
                p.activeAgreementId,
                new Fit(p.fitScore, List.copyOf(p.fitReasons)),
                p.lastTouchpointAt,
                p.nextCheckInDue,
                p.archivedAt,
                p.createdAt,
                p.updatedAt,
                p.profileUpdatedByPartnerAt);
    }
}
