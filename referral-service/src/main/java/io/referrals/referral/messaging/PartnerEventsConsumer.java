package io.referrals.referral.messaging;

import io.referrals.events.EventTypes;
import io.referrals.platform.inbox.EventRouter;
import io.referrals.platform.inbox.Inbox;
import io.referrals.referral.service.AgreementTermsDirectory;
import io.referrals.referral.service.PartnerDirectory;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

@ApplicationScoped
public class PartnerEventsConsumer {
    private final EventRouter router;
    private final Inbox inbox;

    @Inject
    PartnerEventsConsumer(Inbox inbox, PartnerDirectory directory, AgreementTermsDirectory agreements) {
        this.inbox = inbox;
        this.router = new EventRouter()
                .on(EventTypes.PARTNER_CREATED, directory::onCreated)
                .on(EventTypes.PARTNER_UPDATED, directory::onUpdated)
                .on(EventTypes.AGREEMENT_ACTIVATED, agreements::onActivated)
                .on(EventTypes.AGREEMENT_ENDED, agreements::onEnded);
    }

    @Incoming("partner-events")
    @Blocking(ordered = true)
    public void consume(String payload) {
        inbox.consume(payload, router);
    }
}
