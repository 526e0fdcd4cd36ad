package io.referrals.partner.messaging;

import io.referrals.events.EventTypes;
import io.referrals.partner.service.PleasedCheckInAsks;
import io.referrals.partner.service.ReferralSources;
import io.referrals.platform.inbox.EventConsumer;
import io.referrals.platform.inbox.EventRouter;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

@ApplicationScoped
public class ReferralEventsConsumer extends EventConsumer {
    @Inject
    ReferralSources sources;

    @Inject
    PleasedCheckInAsks pleasedCheckInAsks;

    @Override
    protected void routes(EventRouter router) {
        router.on(EventTypes.REFERRAL_RECEIVED, sources::onReferralReceived)
                .on(EventTypes.REFERRAL_ATTRIBUTED, sources::onReferralAttributed)
                .on(EventTypes.REFERRAL_PLEASED_CHECK_IN_ANSWERED, pleasedCheckInAsks::onAnswered);
    }

    @Incoming("referral-events")
    @Blocking(ordered = true)
    public void onRecords(ConsumerRecords<String, String> batch) {
        consumeBatch(batch);
    }
}
