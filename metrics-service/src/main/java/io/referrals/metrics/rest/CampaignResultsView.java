package io.referrals.metrics.rest;

import io.referrals.events.campaign.CampaignGoal;
import io.referrals.metrics.service.campaign.CampaignResults.Report;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A campaign's results per variant and the verdict. */
@Schema(name = "CampaignResults")
public record CampaignResultsView(
        UUID campaignId,
        @Schema(example = "Spring ask") String name,

        @Schema(description = "Which rate the verdict compares")
        CampaignGoal goal,

        Instant startsAt,
        Instant endsAt,

        @Schema(description = "When it ended; null while running")
        Instant endedAt,

        @Schema(enumeration = {"running", "ended"}) String status,

        @Schema(example = "Beta(1, 1): every rate equally likely before any data")
        String prior,

        List<CampaignVariantView> variants,
        CampaignVerdictView verdict) {

    static CampaignResultsView of(Report report) {
        return new CampaignResultsView(
                report.campaignId(),
                report.name(),
                report.goal(),
                report.startsAt(),
                report.endsAt(),
                report.endedAt(),
                report.status(),
                report.prior(),
                report.variants().stream().map(CampaignVariantView::of).toList(),
                CampaignVerdictView.of(report.verdict()));
    }
}
