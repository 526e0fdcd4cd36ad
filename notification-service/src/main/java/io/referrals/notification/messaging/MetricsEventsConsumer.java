package io.referrals.notification.messaging;

import io.referrals.events.EventType;
import io.referrals.events.EventTypes;
import io.referrals.notification.service.followup.PartnerFollowUp;
import io.referrals.notification.service.webhook.WebhookEvents;
import io.referrals.platform.inbox.EventConsumer;
import io.referrals.platform.inbox.EventRouter;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Dormant partners: a task to reach out, closed when the partner is reactivated. */
@ApplicationScoped
public class MetricsEventsConsumer extends EventConsumer {
    @Inject
    PartnerFollowUp partners;

    @Inject
    WebhookEvents webhooks;

    @Override
    protected void routes(EventRouter router) {
        router.on(
                        EventTypes.PARTNER_WENT_DORMANT,
                        andWebhooks(EventTypes.PARTNER_WENT_DORMANT, partners::onWentDormant))
                .on(
                        EventTypes.PARTNER_REACTIVATED,
                        andWebhooks(EventTypes.PARTNER_REACTIVATED, partners::onReactivated));
    }

    /** The event's own effect, then its webhook deliveries, in the same inbox transaction. */
    private <T> EventRouter.Handler<T> andWebhooks(EventType<T> type, EventRouter.Handler<T> handler) {
        return (event, data) -> {
            handler.handle(event, data);
            webhooks.onEvent(event, type, data);
        };
    }

    @Incoming("metrics-events")
    @Blocking(ordered = true)
    public void onRecords(ConsumerRecords<String, String> batch) {
        consumeBatch(batch);
    }
}
