package io.referrals.notification.messaging;

import io.referrals.events.EventType;
import io.referrals.events.EventTypes;
import io.referrals.notification.service.followup.PartnerFollowUp;
import io.referrals.notification.service.mail.CampaignAsks;
import io.referrals.notification.service.portal.PortalPartners;
import io.referrals.notification.service.webhook.WebhookEvents;
import io.referrals.platform.inbox.EventConsumer;
import io.referrals.platform.inbox.EventRouter;
import io.referrals.platform.portal.EndedPortalSessions;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Partners' addresses, cadence and touchpoints, and the practice's default cadence: for check-in tasks; and their
 * portal access and signed-out sessions, which every portal request here is checked against; the end of a campaign,
 * which withdraws its unsent asks.
 */
@ApplicationScoped
public class PartnerEventsConsumer extends EventConsumer {
    @Inject
    PartnerFollowUp partners;

    @Inject
    PortalPartners portal;

    @Inject
    EndedPortalSessions endedSessions;

    @Inject
    WebhookEvents webhooks;

    @Inject
    CampaignAsks campaignAsks;

    @Override
    protected void routes(EventRouter router) {
        router.on(EventTypes.PARTNER_CREATED, andWebhooks(EventTypes.PARTNER_CREATED, partners::onCreated))
                .on(EventTypes.PARTNER_UPDATED, partners::onUpdated)
                .on(
                        EventTypes.PARTNER_STAGE_CHANGED,
                        andWebhooks(EventTypes.PARTNER_STAGE_CHANGED, partners::onStageChanged))
                .on(EventTypes.PARTNER_ARCHIVED, partners::onArchived)
                .on(EventTypes.TOUCHPOINT_LOGGED, partners::onTouchpoint)
                .on(EventTypes.PRACTICE_PROFILE_UPDATED, partners::onPracticeProfile)
                .on(EventTypes.PARTNER_PORTAL_ACCESS_CHANGED, portal::onPortalAccessChanged)
                .on(EventTypes.PARTNER_PORTAL_SESSION_ENDED, endedSessions::onSessionEnded)
                .on(EventTypes.CAMPAIGN_ENDED, campaignAsks::onCampaignEnded);
    }

    /** The event's own effect, then its webhook deliveries, in the same inbox transaction. */
    private <T> EventRouter.Handler<T> andWebhooks(EventType<T> type, EventRouter.Handler<T> handler) {
        return (event, data) -> {
            handler.handle(event, data);
            webhooks.onEvent(event, type, data);
        };
    }

    @Incoming("partner-events")
    @Blocking(ordered = true)
    public void onRecords(ConsumerRecords<String, String> batch) {
        consumeBatch(batch);
    }
}
