package io.referrals.partner.messaging;

import io.referrals.events.EventTypes;
import io.referrals.partner.service.TouchpointService;
import io.referrals.platform.inbox.EventConsumer;
import io.referrals.platform.inbox.EventRouter;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** A thank-you sent to a partner becomes a thank_you touchpoint, so the check-in cadence counts it. */
@ApplicationScoped
public class NotificationEventsConsumer extends EventConsumer {
    @Inject
    TouchpointService touchpoints;

    @Override
    protected void routes(EventRouter router) {
        router.on(EventTypes.NOTIFICATION_SENT, touchpoints::onNotificationSent);
    }

    @Incoming("notification-events")
    @Blocking(ordered = true)
    public void onRecords(ConsumerRecords<String, String> batch) {
        consumeBatch(batch);
    }
}
