package io.referrals.referral.rest;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.referrals.events.RewardType;
import io.referrals.referral.entity.Reward;
import io.referrals.referral.service.portal.PortalReward;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "PortalReward",
        description = "A reward of the signed-in partner: a fee (cash) or a thank-you that is not money, with the "
                + "terms of the agreement a fee was computed under. Only for referrals whose person allowed the "
                + "outcome to be shared with the partner.")
public record PortalRewardView(
        UUID id,
        UUID referralId,
        @Schema(example = "referral_fee") RewardType type,

        @Schema(description = "A fee paid to the partner in money (referral_fee, flat_fee, revenue_share)")
        boolean cash,

        @Schema(example = "owed") Reward.Status status,

        @JsonFormat(shape = JsonFormat.Shape.STRING)
        @Schema(type = SchemaType.STRING, example = "150.00", nullable = true)
        BigDecimal amount,

        @Schema(example = "USD", nullable = true) String currency,

        @JsonFormat(shape = JsonFormat.Shape.STRING)
        @Schema(
                type = SchemaType.STRING,
                description = "For a fee computed as a percent",
                example = "15.00",
                nullable = true)
        BigDecimal percent,

        @Schema(
                description = "What a thank-you that is not money is",
                example = "One free coaching session",
                nullable = true)
        String description,

        Instant earnedAt,
        @Schema(nullable = true) Instant paidAt,
        @Schema(nullable = true) Instant waivedAt,

        @Schema(description = "The agreement's terms; null for a reward the practice recorded by hand", nullable = true)
        Terms terms) {

    @Schema(name = "PortalRewardTerms")
    public record Terms(
            @Schema(
                    description = "What the partner gets under the agreement, and when it is in force",
                    example = "15% of the program value of each referral who becomes a client (agreement in force "
                            + "from 2026-01-01).")
            String summary,

            @Schema(
                    description = "What the clients the partner refers are told about the fee; null when nothing is "
                            + "paid to the partner or it is not known",
                    example = "The practice tells the clients you refer that you receive this fee for referring them.",
                    nullable = true)
            String disclosure) {}

    public static PortalRewardView of(PortalReward reward) {
        return new PortalRewardView(
                reward.id(),
                reward.referralId(),
                reward.type(),
                reward.cash(),
                reward.status(),
                reward.amount(),
                reward.currency(),
                reward.percent(),
                reward.description(),
                reward.earnedAt(),
                reward.paidAt(),
                reward.waivedAt(),
                reward.terms() == null
                        ? null
                        : new Terms(reward.terms().summary(), reward.terms().disclosure()));
    }
}
