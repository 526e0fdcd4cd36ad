package io.referrals.events.campaign;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * v1 (partner-service, {@code partner.events}, key: the campaign id, so it follows its {@link CampaignStarted}): the
 * campaign will ask this partner, with this variant. The variant is the partner's for the whole campaign (a hash of
 * the campaign's seed and the partner id), recorded here once and never changed. {@code askId} names this one ask;
 * {@code triggerReferralId} is the pleased referral that triggered it (null for a campaign's start). referral-service
 * answers with the ask's campaign link ({@link CampaignLinkIssued}).
 */
public record CampaignAskAssigned(
        UUID askId, UUID campaignId, UUID partnerId, String variant, Instant assignedAt, UUID triggerReferralId) {
    public CampaignAskAssigned {
        Objects.requireNonNull(askId, "askId");
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(assignedAt, "assignedAt");
    }
}
