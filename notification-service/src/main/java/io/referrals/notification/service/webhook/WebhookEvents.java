package io.referrals.notification.service.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.referrals.events.CloudEvent;
import io.referrals.events.Consent;
import io.referrals.events.EventCodec;
import io.referrals.events.EventType;
import io.referrals.events.referral.PersonErased;
import io.referrals.events.referral.ReferralConsentChanged;
import io.referrals.notification.entity.DeliveryStatus;
import io.referrals.notification.entity.WebhookDelivery;
import io.referrals.notification.entity.WebhookDeliveryRepository;
import io.referrals.notification.entity.WebhookSubscription;
import io.referrals.notification.entity.WebhookSubscriptionRepository;
import io.referrals.notification.mapping.WebhookCatalogue;
import io.referrals.notification.service.batch.BatchRows;
import io.referrals.platform.persistence.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Fans a consumed event out to the practice's subscriptions: one delivery row per subscription that wants it,
 * written in the inbox transaction that consumes the event (so a delivery is never lost, and a redelivered event
 * adds none), then sent by {@link WebhookDispatcher}.
 */
@ApplicationScoped
public class WebhookEvents {
    @Inject
    WebhookSubscriptionRepository subscriptions;

    @Inject
    WebhookDeliveryRepository deliveries;

    @Inject
    BatchRows batch;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public <T> void onEvent(CloudEvent event, EventType<T> type, T data) {
        WebhookCatalogue.map(type, data).ifPresent(mapped -> {
            List<WebhookSubscription> loaded = batch.subscriptions(event.tenantid());
            List<WebhookSubscription> listening = (loaded != null ? loaded : subscriptions.enabled(event.tenantid()))
                    .stream().filter(s -> s.wants(mapped.name())).toList();
            if (listening.isEmpty()) {
                return;
            }
            Instant now = Timestamps.now(clock);
            String payload = encode(WebhookCatalogue.envelope(
                    event.id(),
                    event.source(),
                    mapped.name(),
                    event.time() == null ? now : event.time(),
                    event.tenantid(),
                    mapped.data()));
            for (WebhookSubscription subscription : listening) {
                WebhookDelivery delivery = new WebhookDelivery();
                delivery.id = UUID.randomUUID();
                delivery.tenantId = event.tenantid();
                delivery.subscriptionId = subscription.id;
                delivery.eventId = event.id();
                delivery.eventType = mapped.name();
                delivery.referralId = mapped.referralId();
                delivery.payload = payload;
                delivery.createdAt = now;
                deliveries.insertOnce(delivery);
            }
        });
    }

    /** A narrowed consent: deliveries not yet made stop naming the person. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onConsentChanged(CloudEvent event, ReferralConsentChanged changed) {
        if (!changed.consent().allows(Consent.OUTCOME)) {
            eraseName(event.tenantid(), List.of(changed.referralId()), true);
        }
    }

    /** An erased person: no delivery, made or not, keeps their name. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onPersonErased(CloudEvent event, PersonErased erased) {
        eraseName(event.tenantid(), erased.referralIds(), false);
    }

    private void eraseName(String tenantId, List<UUID> referralIds, boolean pendingOnly) {
        for (WebhookDelivery delivery : deliveries.about(tenantId, referralIds)) {
            if (pendingOnly && delivery.status != DeliveryStatus.PENDING) {
                continue;
            }
            try {
                ObjectNode payload = (ObjectNode) EventCodec.mapper().readTree(delivery.payload);
                if (payload.get("data") instanceof ObjectNode data && WebhookCatalogue.eraseName(data)) {
                    delivery.payload = encode(payload);
                    delivery.updatedAt = Timestamps.now(clock);
                }
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Delivery " + delivery.id + " holds a payload that is not JSON", e);
            }
        }
    }

    static String encode(ObjectNode node) {
        try {
            return EventCodec.mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
