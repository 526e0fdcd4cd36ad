package io.referrals.notification.service.webhook;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.referrals.notification.entity.DeliveryStatus;
import io.referrals.notification.entity.SubscriptionKind;
import io.referrals.notification.entity.TaskKind;
import io.referrals.notification.entity.WebhookAttempt;
import io.referrals.notification.entity.WebhookAttemptRepository;
import io.referrals.notification.entity.WebhookDelivery;
import io.referrals.notification.entity.WebhookDeliveryRepository;
import io.referrals.notification.entity.WebhookSubscription;
import io.referrals.notification.entity.WebhookSubscriptionRepository;
import io.referrals.notification.mapping.WebhookCatalogue;
import io.referrals.notification.service.NotificationConfig;
import io.referrals.notification.service.task.TaskService;
import io.referrals.platform.page.Page;
import io.referrals.platform.page.Paging;
import io.referrals.platform.persistence.Timestamps;
import io.referrals.platform.problem.Problem;
import io.referrals.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The practice's subscriptions: webhooks it manages, and Zapier REST hooks an integration makes and removes itself.
 * A URL is checked ({@link WebhookTargets}) when it is subscribed; the signing secret is shown once, on creation and
 * on rotation, and stored encrypted.
 */
@ApplicationScoped
public class WebhookService {
    private static final Logger LOG = Logger.getLogger(WebhookService.class);

    @Inject
    WebhookSubscriptionRepository subscriptions;

    @Inject
    WebhookDeliveryRepository deliveries;

    @Inject
    WebhookAttemptRepository attempts;

    @Inject
    WebhookTargets targets;

    @Inject
    WebhookSecrets secrets;

    @Inject
    TaskService tasks;

    @Inject
    NotificationConfig config;

    @Inject
    Clock clock;

    /** A subscription with the secret it was just given: shown this once. */
    public record WithSecret(WebhookSubscription subscription, String secret) {}

    /** A delivery and every attempt at it, oldest first. */
    public record DeliveryLog(WebhookDelivery delivery, List<WebhookAttempt> attempts) {}

    @Transactional
    public WithSecret create(String tenantId, WebhookCommands.Create command) {
        List<String> events = events(command.events(), "events");
        return subscribe(tenantId, SubscriptionKind.WEBHOOK, command.url(), "url", events, command.description());
    }

    @Transactional
    public WebhookSubscription createHook(String tenantId, WebhookCommands.Hook command) {
        List<String> events = events(List.of(command.event()), "event");
        return subscribe(tenantId, SubscriptionKind.ZAPIER, command.targetUrl(), "target_url", events, "Zapier")
                .subscription();
    }

    private WithSecret subscribe(
            String tenantId, SubscriptionKind kind, String url, String field, List<String> events, String description) {
        checkTarget(url, field);
        if (subscriptions.countInTenant(tenantId) >= config.webhooks().maxPerPractice()) {
            throw ProblemException.unprocessable(
                    "too-many-webhooks",
                    "Too many webhooks",
                    "A practice may have " + config.webhooks().maxPerPractice() + " subscriptions; delete one first.");
        }
        Instant now = Timestamps.now(clock);
        WebhookSubscription subscription = new WebhookSubscription();
        subscription.id = UUID.randomUUID();
        subscription.tenantId = tenantId;
        subscription.kind = kind;
        subscription.url = url.trim();
        subscription.events = String.join(",", events);
        subscription.description = description;
        subscription.enabled = true;
        String secret = secrets.newSecret();
        subscription.secret = secrets.encrypt(subscription.id, secret);
        subscription.createdAt = now;
        subscription.updatedAt = now;
        subscriptions.persist(subscription);
        LOG.infof("Webhook %s (%s) subscribed to %s", subscription.id, kind.json(), subscription.events);
        return new WithSecret(subscription, secret);
    }

    public Page<WebhookSubscription> list(String tenantId, Paging paging) {
        return subscriptions.list(tenantId, paging);
    }

    public WebhookSubscription get(String tenantId, UUID id) {
        return subscriptions.findInTenant(tenantId, id).orElseThrow(() -> ProblemException.notFound("Webhook", id));
    }

    @Transactional
    public WebhookSubscription update(String tenantId, UUID id, WebhookCommands.Update command) {
        WebhookSubscription subscription = lock(tenantId, id);
        Instant now = Timestamps.now(clock);
        if (command.events() != null) {
            subscription.events = String.join(",", events(command.events(), "events"));
        }
        if (command.description() != null) {
            subscription.description = command.description();
        }
        if (command.enabled() != null && command.enabled() != subscription.enabled) {
            if (command.enabled()) {
                subscription.enabled = true;
                subscription.failingSince = null;
                subscription.disabledReason = null;
                tasks.close(tenantId, TaskKind.WEBHOOK_DISABLED, subscription.id.toString(), "webhook enabled");
            } else {
                disable(subscription, "Disabled by the practice", now, false);
            }
        }
        subscription.updatedAt = now;
        return subscription;
    }

    @Transactional
    public void delete(String tenantId, UUID id) {
        subscriptions.delete(lock(tenantId, id));
    }

    /** Zapier's unsubscribe: only REST hooks, so that an integration cannot remove the practice's own webhooks. */
    @Transactional
    public void deleteHook(String tenantId, UUID id) {
        WebhookSubscription hook = lock(tenantId, id);
        if (hook.kind != SubscriptionKind.ZAPIER) {
            throw ProblemException.notFound("Hook", id);
        }
        subscriptions.delete(hook);
    }

    /** A new secret; the old one keeps signing alongside it for the overlap (24 hours). */
    @Transactional
    public WithSecret rotate(String tenantId, UUID id) {
        WebhookSubscription subscription = lock(tenantId, id);
        Instant now = Timestamps.now(clock);
        String secret = secrets.newSecret();
        subscription.previousSecret = subscription.secret;
        subscription.previousSecretExpiresAt = now.plus(config.webhooks().rotationOverlap());
        subscription.secret = secrets.encrypt(subscription.id, secret);
        subscription.updatedAt = now;
        LOG.infof("Webhook %s: signing secret rotated", subscription.id);
        return new WithSecret(subscription, secret);
    }

    /** Queues a {@code webhook.test} event for the subscription, due now. */
    @Transactional
    public DeliveryLog test(String tenantId, UUID id) {
        WebhookSubscription subscription = lock(tenantId, id);
        requireEnabled(subscription);
        Instant now = Timestamps.now(clock);
        String eventId = UUID.randomUUID().toString();
        WebhookDelivery delivery = new WebhookDelivery();
        delivery.id = UUID.randomUUID();
        delivery.tenantId = tenantId;
        delivery.subscriptionId = subscription.id;
        delivery.eventId = eventId;
        delivery.eventType = WebhookCatalogue.TEST_EVENT;
        delivery.payload = WebhookEvents.encode(WebhookCatalogue.envelope(
                eventId,
                WebhookCatalogue.SOURCE,
                WebhookCatalogue.TEST_EVENT,
                now,
                tenantId,
                JsonNodeFactory.instance
                        .objectNode()
                        .put("webhookId", subscription.id.toString())
                        .put("message", "A test event: this endpoint receives the practice's events.")));
        delivery.createdAt = now;
        deliveries.insertOnce(delivery);
        return new DeliveryLog(delivery, List.of());
    }

    public Page<DeliveryLog> deliveries(String tenantId, UUID id, Paging paging) {
        get(tenantId, id);
        Page<WebhookDelivery> page = deliveries.list(tenantId, id, paging);
        Map<UUID, List<WebhookAttempt>> byDelivery = attempts
                .of(page.items().stream().map(d -> d.id).toList())
                .stream()
                .collect(Collectors.groupingBy(a -> a.deliveryId));
        return page.map(d -> new DeliveryLog(d, byDelivery.getOrDefault(d.id, List.of())));
    }

    /** Sends a delivery again, now, under the same webhook-id, with a fresh retry window. */
    @Transactional
    public DeliveryLog redeliver(String tenantId, UUID id, UUID deliveryId) {
        WebhookSubscription subscription = lock(tenantId, id);
        WebhookDelivery delivery = deliveries
                .lockInSubscription(tenantId, id, deliveryId)
                .orElseThrow(() -> ProblemException.notFound("Delivery", deliveryId));
        requireEnabled(subscription);
        Instant now = Timestamps.now(clock);
        delivery.status = DeliveryStatus.PENDING;
        delivery.attempts = 0;
        delivery.queuedAt = now;
        delivery.nextAttemptAt = now;
        delivery.updatedAt = now;
        return new DeliveryLog(delivery, attempts.of(List.of(delivery.id)));
    }

    public Instant now() {
        return clock.instant();
    }

    /**
     * Disables a subscription: its pending deliveries are given up, and (unless the practice did it) a task asks the
     * practice to fix the endpoint.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void disable(WebhookSubscription subscription, String reason, Instant now, boolean task) {
        subscription.enabled = false;
        subscription.disabledReason = reason;
        subscription.updatedAt = now;
        deliveries.failPending(subscription.id, "The webhook was disabled: " + reason, now);
        if (task) {
            tasks.open(
                    subscription.tenantId,
                    new TaskService.Opening(
                            TaskKind.WEBHOOK_DISABLED,
                            subscription.id.toString(),
                            null,
                            null,
                            null,
                            "Fix the webhook endpoint " + hostOf(subscription.url) + ": " + reason,
                            now));
        }
        LOG.warnf("Webhook %s disabled: %s", subscription.id, reason);
    }

    private static String hostOf(String url) {
        try {
            String host = java.net.URI.create(url).getHost();
            return host == null ? "(unknown host)" : host;
        } catch (IllegalArgumentException e) {
            return "(unknown host)";
        }
    }

    private void requireEnabled(WebhookSubscription subscription) {
        if (!subscription.enabled) {
            throw ProblemException.conflict(
                    "webhook-disabled",
                    "Webhook is disabled",
                    "Enable it first (PATCH enabled=true)"
                            + (subscription.disabledReason == null
                                    ? "."
                                    : "; it was disabled: " + subscription.disabledReason),
                    Map.of());
        }
    }

    private WebhookSubscription lock(String tenantId, UUID id) {
        return subscriptions.lockInTenant(tenantId, id).orElseThrow(() -> ProblemException.notFound("Webhook", id));
    }

    private void checkTarget(String url, String field) {
        try {
            targets.check(url);
        } catch (WebhookTargets.Refused e) {
            if (e.invalid()) {
                throw ProblemException.invalidField(field, e.getMessage());
            }
            throw new ProblemException(Problem.of(
                            422, "unsafe-webhook-target", "Webhook target refused", "The URL " + e.getMessage() + ".")
                    .withExtensions(Map.of("reason", e.getMessage())));
        }
    }

    private static List<String> events(List<String> names, String field) {
        List<Problem.FieldError> errors = new ArrayList<>();
        LinkedHashSet<String> unique = new LinkedHashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i) == null ? "" : names.get(i).trim();
            if (WebhookCatalogue.byName(name).isEmpty()) {
                errors.add(new Problem.FieldError(
                        field.equals("event") ? field : field + "[" + i + "]",
                        "must be one of "
                                + WebhookCatalogue.all().stream()
                                        .map(WebhookCatalogue.Entry::name)
                                        .collect(Collectors.joining(", "))));
            }
            unique.add(name);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        return List.copyOf(unique);
    }
}
