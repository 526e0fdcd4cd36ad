package io.referrals.referral.messaging;

import io.referrals.events.EventTypes;
import io.referrals.platform.inbox.EventConsumer;
import io.referrals.platform.inbox.EventRouter;
import io.referrals.referral.service.RewardService;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** referral-service reacts to its own conversions: the fee owed is worked out after the conversion commits. */
@ApplicationScoped
public class ReferralEventsConsumer extends EventConsumer {
    @Inject
    RewardService rewards;

    @Override
    protected void routes(EventRouter router) {
        router.on(EventTypes.REFERRAL_CONVERTED, rewards::onConverted);
    }

    @Incoming("referral-events")
    @Blocking(ordered = true)
    public void onRecords(ConsumerRecords<String, String> batch) {
        consumeBatch(batch);
    }
}
