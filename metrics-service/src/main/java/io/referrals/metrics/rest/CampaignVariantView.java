package io.referrals.metrics.rest;

import io.referrals.metrics.service.campaign.CampaignResults.VariantReport;
import io.referrals.metrics.service.query.Amount;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One variant's results. */
@Schema(name = "CampaignVariantResults")
public record CampaignVariantView(
        @Schema(example = "b") String key,
        @Schema(example = "Session credit") String name,
        @Schema(example = "50") int weight,

        @Schema(description = "The incentive as the ask names it; null when none", example = "a free coaching session")
        String incentive,

        @Schema(description = "Distinct partners whose ask reached the mail server", example = "20")
        long asked,

        @Schema(
                description = "Always null: the platform does not track opens (no tracking pixels, by choice)",
                nullable = true)
        Long opened,

        @Schema(description = "Asked partners with at least one attributed referral", example = "4")
        long partnersReferring,

        @Schema(description = "Referrals attributed to this variant", example = "6")
        long referrals,

        @Schema(description = "Of them, through the ask's campaign link", example = "5")
        long referralsByLink,

        @Schema(
                description = "Of them, by another channel from an asked partner inside the window (not"
                        + " necessarily caused by the ask)",
                example = "1")
        long referralsByOtherChannel,

        @Schema(description = "Attributed referrals that became clients", example = "2")
        long conversions,

        @Schema(description = "Program value of the conversions; null when no currency is known yet")
        AmountView revenue,

        @Schema(description = "The incentive rewards earned through attributed referrals")
        AmountView incentiveCost,

        @Schema(description = "(revenue - incentive cost) / partners asked; null before anyone is asked")
        AmountView netRevenuePerAskedPartner,

        @Schema(description = "The goal's rate, the one the verdict compares")
        CampaignRateView rate,

        @Schema(description = "Partners who referred per partner asked")
        CampaignRateView partnersReferringRate,

        @Schema(description = "Conversions per attributed referral")
        CampaignRateView conversionRate,

        @Schema(description = "Chance that this variant's goal rate is the highest", example = "0.9785")
        double chanceToBeBest,

        @Schema(
                description = "Expected loss of choosing it: E[best rate - its rate], in rate units",
                example = "0.0011")
        double expectedLoss) {

    static CampaignVariantView of(VariantReport v) {
        return new CampaignVariantView(
                v.key(),
                v.name(),
                v.weight(),
                v.incentive(),
                v.asked(),
                null,
                v.partnersReferring(),
                v.referrals(),
                v.referralsByLink(),
                v.referralsByOtherChannel(),
                v.conversions(),
                money(v.revenue()),
                money(v.incentiveCost()),
                money(v.netRevenuePerAskedPartner()),
                CampaignRateView.of(v.rate()),
                CampaignRateView.of(v.partnersReferringRate()),
                CampaignRateView.of(v.conversionRate()),
                CampaignRateView.round(v.chanceToBeBest()),
                CampaignRateView.round(v.expectedLoss()));
    }

    private static AmountView money(Amount amount) {
        return amount == null ? null : new AmountView(amount.amount(), amount.currency());
    }
}
