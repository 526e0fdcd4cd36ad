package io.referrals.partner.messaging;

import io.referrals.events.EventTypes;
import io.referrals.partner.service.ReferralSources;
import io.referrals.platform.inbox.EventRouter;
import io.referrals.platform.inbox.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

@ApplicationScoped
public class ReferralEventsConsumer {
    private final Inbox inbox;
    private final EventRouter router;

    @Inject
    ReferralEventsConsumer(Inbox inbox, ReferralSources sources) {
        this.inbox = inbox;
        this.router = new EventRouter().on(EventTypes.REFERRAL_RECEIVED, sources::onReferralReceived);
    }

    @Incoming("referral-events")
    @Blocking(ordered = true)
    public void consume(String payload) {
        inbox.consume(payload, router);
    }
}
