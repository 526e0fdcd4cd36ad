package io.referrals.events.campaign;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * v1 (referral-service, {@code referral.events}, key: the referral id, right after its {@code referral.received} or
 * {@code referral.attributed}): the referral counts for this campaign's variant. At most one per referral.
 */
public record ReferralAttributedToCampaign(
        UUID referralId,
        UUID partnerId,
        UUID campaignId,
        String variant,
        UUID askId,
        CampaignAttribution via,
        Instant receivedAt,
        Instant attributedAt) {
    public ReferralAttributedToCampaign {
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(askId, "askId");
        Objects.requireNonNull(via, "via");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(attributedAt, "attributedAt");
    }
}
