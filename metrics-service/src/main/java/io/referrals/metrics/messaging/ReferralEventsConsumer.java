package io.referrals.metrics.messaging;

import io.referrals.events.EventTypes;
import io.referrals.metrics.service.MetricsProjection;
import io.referrals.platform.inbox.EventConsumer;
import io.referrals.platform.inbox.EventRouter;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Referrals received and converted: the counts and revenue attributed to each partner. */
@ApplicationScoped
public class ReferralEventsConsumer extends EventConsumer {
    @Inject
    MetricsProjection projection;

    @Override
    protected void routes(EventRouter router) {
        router.on(EventTypes.REFERRAL_RECEIVED, projection::onReferralReceived)
                .on(EventTypes.REFERRAL_CONVERTED, projection::onReferralConverted);
    }

    @Incoming("referral-events")
    @Blocking(ordered = true)
    public void onRecord(String payload) {
        consume(payload);
    }
}
