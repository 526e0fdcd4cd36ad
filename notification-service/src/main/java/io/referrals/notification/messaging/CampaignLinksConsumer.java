package io.referrals.notification.messaging;

import io.referrals.events.EventTypes;
import io.referrals.notification.service.mail.CampaignAsks;
import io.referrals.platform.inbox.EventConsumer;
import io.referrals.platform.inbox.EventRouter;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Campaign links referral-service issued (referral.campaign-links, a topic only this service reads): each becomes the
 * partner's campaign ask. No webhook hears of them: they carry a credential.
 */
@ApplicationScoped
public class CampaignLinksConsumer extends EventConsumer {
    @Inject
    CampaignAsks asks;

    @Override
    protected void routes(EventRouter router) {
        router.on(EventTypes.CAMPAIGN_LINK_ISSUED, asks::onLinkIssued);
    }

    @Incoming("campaign-links")
    @Blocking(ordered = true)
    public void onRecords(ConsumerRecords<String, String> batch) {
        consumeBatch(batch);
    }
}
