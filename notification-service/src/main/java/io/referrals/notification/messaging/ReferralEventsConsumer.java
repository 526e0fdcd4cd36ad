package io.referrals.notification.messaging;

import io.referrals.events.EventType;
import io.referrals.events.EventTypes;
import io.referrals.notification.service.batch.ReferralBatch;
import io.referrals.notification.service.followup.BookingFollowUp;
import io.referrals.notification.service.followup.ReferralFollowUp;
import io.referrals.notification.service.person.PersonErasure;
import io.referrals.notification.service.webhook.WebhookEvents;
import io.referrals.platform.inbox.EventConsumer;
import io.referrals.platform.inbox.EventRouter;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Thank-yous, updates within consent, the first-contact and pleased check-in tasks (closed once answered), and the
 * tasks booked consultations ask for (issue 30).
 */
@ApplicationScoped
public class ReferralEventsConsumer extends EventConsumer {
    @Inject
    ReferralFollowUp followUp;

    @Inject
    BookingFollowUp bookings;

    @Inject
    PersonErasure erasure;

    @Inject
    WebhookEvents webhooks;

    @Inject
    ReferralBatch batch;

    /**
     * A poll's ReferralReceived events (all there is in a burst of referrals) find what they need loaded for the whole
     * batch, in one session flushed at its end; every other event is flushed as it was before, its queries seeing
     * all of the batch (issue 31).
     */
    @Override
    protected void routes(EventRouter router) {
        router.preparing(batch::prepare)
                .sessionPerBatch()
                .on(EventTypes.REFERRAL_RECEIVED, andWebhooks(EventTypes.REFERRAL_RECEIVED, followUp::onReceived));
        on(
                router,
                EventTypes.REFERRAL_STATUS_CHANGED,
                andWebhooks(EventTypes.REFERRAL_STATUS_CHANGED, followUp::onStatusChanged));
        on(router, EventTypes.REFERRAL_CONVERTED, andWebhooks(EventTypes.REFERRAL_CONVERTED, followUp::onConverted));
        on(router, EventTypes.REFERRAL_CLOSED, andWebhooks(EventTypes.REFERRAL_CLOSED, followUp::onClosed));
        on(router, EventTypes.REFERRAL_CONSENT_CHANGED, (event, data) -> {
            followUp.onConsentChanged(event, data);
            webhooks.onConsentChanged(event, data);
        });
        on(router, EventTypes.REFERRAL_ATTRIBUTED, followUp::onAttributed);
        on(router, EventTypes.REFERRAL_PLEASED_CHECK_IN_ANSWERED, followUp::onPleasedCheckInAnswered);
        on(router, EventTypes.REFERRAL_BOOKING_CHANGED, bookings::onBookingChanged);
        on(router, EventTypes.PERSON_ERASED, (event, data) -> {
            erasure.onPersonErased(event, data);
            webhooks.onPersonErased(event, data);
        });
        // Only for webhooks.
        on(router, EventTypes.REFERRAL_GIVEN, andWebhooks(EventTypes.REFERRAL_GIVEN, (event, data) -> {}));
        on(router, EventTypes.REWARD_EARNED, andWebhooks(EventTypes.REWARD_EARNED, (event, data) -> {}));
        on(router, EventTypes.REWARD_PAID, andWebhooks(EventTypes.REWARD_PAID, (event, data) -> {}));
    }

    /** An event other than ReferralReceived: flushed as usual. */
    private <T> void on(EventRouter router, EventType<T> type, EventRouter.Handler<T> handler) {
        router.on(type, batch.flushingAsUsual(handler));
    }

    /** The event's own effect, then its webhook deliveries, in the same inbox transaction. */
    private <T> EventRouter.Handler<T> andWebhooks(EventType<T> type, EventRouter.Handler<T> handler) {
        return (event, data) -> {
            handler.handle(event, data);
            webhooks.onEvent(event, type, data);
        };
    }

    @Incoming("referral-events")
    @Blocking(ordered = true)
    public void onRecords(ConsumerRecords<String, String> batch) {
        consumeBatch(batch);
    }
}
