package io.referrals.metrics.rest;

import io.referrals.events.campaign.CampaignGoal;
import io.referrals.metrics.service.campaign.CampaignResults.Overview;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The practice's started campaigns, newest start first. */
@Schema(name = "CampaignList")
public record CampaignListView(List<Item> items) {

    @Schema(name = "CampaignListItem")
    public record Item(
            UUID campaignId,
            @Schema(example = "Spring ask") String name,
            @Schema(enumeration = {"running", "ended"}) String status,
            Instant startsAt,
            Instant endsAt,
            CampaignGoal goal,

            @Schema(description = "Number of variants", example = "2")
            int variants,

            @Schema(description = "Distinct partners asked (ask sent)", example = "40")
            long asked,

            @Schema(description = "Referrals attributed to the campaign", example = "11")
            long referrals,

            @Schema(description = "Of them, converted", example = "4")
            long conversions) {}

    static CampaignListView of(List<Overview> campaigns) {
        return new CampaignListView(campaigns.stream()
                .map(c -> new Item(
                        c.campaignId(),
                        c.name(),
                        c.status(),
                        c.startsAt(),
                        c.endsAt(),
                        c.goal(),
                        c.variants(),
                        c.asked(),
                        c.referrals(),
                        c.conversions()))
                .toList());
    }
}
