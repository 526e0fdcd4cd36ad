package io.referrals.referral.messaging;

import io.referrals.events.EventTypes;
import io.referrals.platform.inbox.EventConsumer;
import io.referrals.platform.inbox.EventRouter;
import io.referrals.referral.service.CampaignService;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Which campaign asks reached their partner (notification-service's CampaignAskSent): only an asked partner's referrals
 * by other channels are attributed to a campaign. Every other notification event is ignored.
 */
@ApplicationScoped
public class NotificationEventsConsumer extends EventConsumer {
    @Inject
    CampaignService campaigns;

    @Override
    protected void routes(EventRouter router) {
        router.on(EventTypes.CAMPAIGN_ASK_SENT, campaigns::onAskSent);
    }

    @Incoming("notification-events")
    @Blocking(ordered = true)
    public void onRecords(ConsumerRecords<String, String> batch) {
        consumeBatch(batch);
    }
}
