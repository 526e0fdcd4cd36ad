package io.referrals.events.campaign;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * v1 (partner-service, {@code partner.events}, key: the campaign id): a campaign stopped asking, at its end or early
 * by the practice. Referrals received after {@code endedAt} are not attributed to it; those attributed before still
 * count when they convert later.
 */
public record CampaignEnded(UUID campaignId, Instant endedAt) {
    public CampaignEnded {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(endedAt, "endedAt");
    }
}
