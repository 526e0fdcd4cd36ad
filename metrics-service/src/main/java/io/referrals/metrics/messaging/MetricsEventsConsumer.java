package io.referrals.metrics.messaging;

import io.referrals.events.EventTypes;
import io.referrals.metrics.service.MetricsProjection;
import io.referrals.platform.inbox.EventRouter;
import io.referrals.platform.inbox.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

@ApplicationScoped
public class MetricsEventsConsumer {
    private final Inbox inbox;
    private final EventRouter router;

    @Inject
    MetricsEventsConsumer(Inbox inbox, MetricsProjection projection) {
        this.inbox = inbox;
        this.router = new EventRouter()
                .on(EventTypes.PARTNER_CREATED, projection::onPartnerCreated)
                .on(EventTypes.PARTNER_UPDATED, projection::onPartnerUpdated)
                .on(EventTypes.REFERRAL_RECEIVED, projection::onReferralReceived)
                .on(EventTypes.REFERRAL_CONVERTED, projection::onReferralConverted);
    }

    @Incoming("partner-events")
    @Blocking(ordered = true)
    public void consumePartnerEvent(String payload) {
        inbox.consume(payload, router);
    }

    @Incoming("referral-events")
    @Blocking(ordered = true)
    public void consumeReferralEvent(String payload) {
        inbox.consume(payload, router);
    }
}
