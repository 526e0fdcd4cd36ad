package io.referrals.metrics.messaging;

import io.referrals.events.EventTypes;
import io.referrals.metrics.service.MetricsProjection;
import io.referrals.platform.inbox.EventConsumer;
import io.referrals.platform.inbox.EventRouter;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Partner names and categories, so that numbers can be shown and grouped by partner. */
@ApplicationScoped
public class PartnerEventsConsumer extends EventConsumer {
    @Inject
    MetricsProjection projection;

    @Override
    protected void routes(EventRouter router) {
        router.on(EventTypes.PARTNER_CREATED, projection::onPartnerCreated)
                .on(EventTypes.PARTNER_UPDATED, projection::onPartnerUpdated);
    }

    @Incoming("partner-events")
    @Blocking(ordered = true)
    public void onRecord(String payload) {
        consume(payload);
    }
}
