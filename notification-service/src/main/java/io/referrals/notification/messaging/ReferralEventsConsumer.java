package io.referrals.notification.messaging;

import io.referrals.events.EventTypes;
import io.referrals.notification.service.PersonErasure;
import io.referrals.notification.service.ReferralFollowUp;
import io.referrals.platform.inbox.EventConsumer;
import io.referrals.platform.inbox.EventRouter;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Thank-yous, updates within consent, and the first-contact and pleased check-in tasks. */
@ApplicationScoped
public class ReferralEventsConsumer extends EventConsumer {
    @Inject
    ReferralFollowUp followUp;

    @Inject
    PersonErasure erasure;

    @Override
    protected void routes(EventRouter router) {
        router.on(EventTypes.REFERRAL_RECEIVED, followUp::onReceived)
                .on(EventTypes.REFERRAL_STATUS_CHANGED, followUp::onStatusChanged)
                .on(EventTypes.REFERRAL_CONVERTED, followUp::onConverted)
                .on(EventTypes.REFERRAL_CLOSED, followUp::onClosed)
                .on(EventTypes.REFERRAL_CONSENT_CHANGED, followUp::onConsentChanged)
                .on(EventTypes.REFERRAL_ATTRIBUTED, followUp::onAttributed)
                .on(EventTypes.PERSON_ERASED, erasure::onPersonErased);
    }

    @Incoming("referral-events")
    @Blocking(ordered = true)
    public void onRecords(ConsumerRecords<String, String> batch) {
        consumeBatch(batch);
    }
}
