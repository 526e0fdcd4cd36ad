package io.referrals.metrics.rest;

import io.referrals.metrics.service.campaign.Rate;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A rate: successes of trials, its posterior mean and 95 % credible interval (Beta(1, 1) prior). */
@Schema(name = "CampaignRate")
public record CampaignRateView(
        @Schema(description = "Partners who referred, or conversions", example = "4")
        long successes,

        @Schema(description = "Partners asked, or attributed referrals", example = "20")
        long trials,

        @Schema(description = "Posterior mean (successes + 1) / (trials + 2)", example = "0.2273")
        double mean,

        @Schema(description = "Lower end of the 95 % equal-tailed credible interval", example = "0.0822")
        double low,

        @Schema(description = "Upper end of the 95 % equal-tailed credible interval", example = "0.4191")
        double high) {

    static CampaignRateView of(Rate rate) {
        return new CampaignRateView(
                rate.successes(), rate.trials(), round(rate.mean()), round(rate.low()), round(rate.high()));
    }

    /** Four decimals: a hundredth of a percentage point, finer than any of these figures is known. */
    static double round(double value) {
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_EVEN).doubleValue();
    }
}
