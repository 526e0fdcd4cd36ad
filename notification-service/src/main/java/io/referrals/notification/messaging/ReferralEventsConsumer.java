package io.referrals.notification.messaging;

import io.referrals.events.EventTypes;
import io.referrals.notification.service.ThankYouWriter;
import io.referrals.platform.inbox.EventConsumer;
import io.referrals.platform.inbox.EventRouter;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

@ApplicationScoped
public class ReferralEventsConsumer extends EventConsumer {
    @Inject
    ThankYouWriter thankYous;

    @Override
    protected void routes(EventRouter router) {
        router.on(EventTypes.REFERRAL_RECEIVED, thankYous::onReferralReceived);
    }

    @Incoming("referral-events")
    @Blocking(ordered = true)
    public void onRecord(String payload) {
        consume(payload);
    }
}
