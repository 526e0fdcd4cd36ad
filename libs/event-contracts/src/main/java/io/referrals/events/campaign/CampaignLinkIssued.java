package io.referrals.events.campaign;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * v1 (referral-service, {@code referral.campaign-links}, key: the campaign id): the ask's campaign link, an intake link
 * of the partner's own made for this campaign and variant, for notification-service to put in the ask. It carries the
 * link's secret ({@code campaignLink}), so it travels on its own topic, which only notification-service reads; never
 * on {@code referral.events}. It also carries the variant's ask and the campaign's window and sending mode, so that
 * notification-service writes the ask from this record alone.
 */
public record CampaignLinkIssued(
        UUID askId,
        UUID campaignId,
        String campaignName,
        UUID partnerId,
        String variant,
        String askSubject,
        String askBody,
        String incentiveDescription,
        boolean autoSend,
        Instant endsAt,
        String campaignLink) {
    public CampaignLinkIssued {
        Objects.requireNonNull(askId, "askId");
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(campaignName, "campaignName");
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(askSubject, "askSubject");
        Objects.requireNonNull(askBody, "askBody");
        Objects.requireNonNull(endsAt, "endsAt");
        Objects.requireNonNull(campaignLink, "campaignLink");
    }

    /** Never the link: it is a credential for as long as the campaign runs. */
    @Override
    public String toString() {
        return "CampaignLinkIssued[askId=" + askId + ", campaignId=" + campaignId + ", variant=" + variant + "]";
    }
}
