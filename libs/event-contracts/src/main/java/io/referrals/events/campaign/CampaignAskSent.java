package io.referrals.events.campaign;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * v1 (notification-service, {@code notification.events}, key: the campaign id): the ask reached the SMTP server. Only
 * a sent ask makes the partner "asked": one who unsubscribed, turned asks off or whose draft was dismissed was assigned
 * but never asked, and neither counts nor is attributed to.
 */
public record CampaignAskSent(
        UUID askId, UUID campaignId, UUID partnerId, String variant, UUID notificationId, Instant sentAt) {
    public CampaignAskSent {
        Objects.requireNonNull(askId, "askId");
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(notificationId, "notificationId");
        Objects.requireNonNull(sentAt, "sentAt");
    }
}
