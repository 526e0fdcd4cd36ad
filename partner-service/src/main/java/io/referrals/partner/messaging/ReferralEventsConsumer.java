package io.referrals.partner.messaging;

import io.referrals.events.EventTypes;
import io.referrals.partner.service.PleasedCheckInAsks;
import io.referrals.partner.service.ReferralBatch;
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

    @Inject
    ReferralBatch batch;

    /**
     * A poll's ReferralReceived events (all there is in a burst of referrals) find their partners loaded for the whole
     * batch, in one session flushed at its end; every other event is flushed as it was before, its queries seeing all
     * of the batch (issue 31).
     */
    @Override
    protected void routes(EventRouter router) {
        router.preparing(batch::prepare)
                .sessionPerBatch()
                .on(EventTypes.REFERRAL_RECEIVED, sources::onReferralReceived)
                .on(EventTypes.REFERRAL_ATTRIBUTED, batch.flushingAsUsual(sources::onReferralAttributed))
                .on(
                        EventTypes.REFERRAL_PLEASED_CHECK_IN_ANSWERED,
                        batch.flushingAsUsual(pleasedCheckInAsks::onAnswered));
    }

    @Incoming("referral-events")
    @Blocking(ordered = true)
    public void onRecords(ConsumerRecords<String, String> batch) {
        consumeBatch(batch);
    }
}
