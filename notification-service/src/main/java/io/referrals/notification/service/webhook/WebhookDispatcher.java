package io.referrals.notification.service.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.referrals.notification.entity.DeliveryStatus;
import io.referrals.notification.entity.SubscriptionKind;
import io.referrals.notification.entity.WebhookAttempt;
import io.referrals.notification.entity.WebhookAttemptRepository;
import io.referrals.notification.entity.WebhookDelivery;
import io.referrals.notification.entity.WebhookDeliveryRepository;
import io.referrals.notification.entity.WebhookSubscription;
import io.referrals.notification.entity.WebhookSubscriptionRepository;
import io.referrals.notification.service.NotificationConfig;
import io.referrals.platform.persistence.Timestamps;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Sends due deliveries. Each run claims, in one short transaction, up to as many due deliveries as there are free
 * sending slots ({@code notifications.webhooks.concurrency}), at most one per endpoint and none of an endpoint this
 * replica is sending to already; claimed rows are locked {@code FOR UPDATE SKIP LOCKED} (another replica takes
 * others) and leased (their next attempt moved {@code lease} on, so that a replica dying mid-send leaves them to be
 * sent again). Each is then sent on its own thread, outside any transaction, and its outcome recorded in a
 * transaction of its own. A slow or dead endpoint therefore holds one slot for at most the timeout, and the other
 * endpoints' deliveries go on around it.
 *
 * <p>Outcomes: 2xx delivered; 410 Gone unsubscribes (a Zapier hook is deleted, a webhook disabled); anything else
 * (another status, a refused target, a connection failure, a timeout) is retried after the configured pauses
 * (5 s, 5 min, 30 min, 2 h, 5 h, then every 10 h, each varied by up to 10 %) for 3 days; an endpoint that failed
 * every attempt for 3 days is disabled and the practice gets a task.
 */
@ApplicationScoped
class WebhookDispatcher {
    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    @Inject
    WebhookDeliveryRepository deliveries;

    @Inject
    WebhookSubscriptionRepository subscriptions;

    @Inject
    WebhookAttemptRepository attempts;

    @Inject
    WebhookTargets targets;

    @Inject
    WebhookSecrets secrets;

    @Inject
    WebhookHttp http;

    @Inject
    WebhookService webhooks;

    @Inject
    NotificationConfig config;

    @Inject
    MeterRegistry registry;

    @Inject
    Clock clock;

    private final Set<UUID> busy = ConcurrentHashMap.newKeySet();
    private Semaphore slots;
    private ExecutorService pool;

    @PostConstruct
    void start() {
        int concurrency = Math.max(1, config.webhooks().concurrency());
        slots = new Semaphore(concurrency);
        AtomicInteger threads = new AtomicInteger();
        pool = Executors.newFixedThreadPool(concurrency, task -> {
            Thread thread = new Thread(task, "webhook-sender-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    @Scheduled(
            every = "${notifications.webhooks.every:1s}",
            delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledDispatch() {
        dispatch();
    }

    /** Claims what is due (as many as there are free slots) and starts sending it; returns how many it started. */
    public int dispatch() {
        int free = slots.availablePermits();
        if (free == 0) {
            return 0;
        }
        List<Claimed> claimed = QuarkusTransaction.requiringNew().call(() -> claim(free));
        for (Claimed delivery : claimed) {
            slots.acquireUninterruptibly();
            busy.add(delivery.subscriptionId());
            pool.execute(() -> {
                try {
                    send(delivery.id());
                } catch (RuntimeException e) {
                    LOG.warnf(
                            "Webhook delivery %s: the attempt could not be recorded (%s); it is retried after its"
                                    + " lease",
                            delivery.id(), e.getClass().getSimpleName());
                } finally {
                    busy.remove(delivery.subscriptionId());
                    slots.release();
                }
            });
        }
        return claimed.size();
    }

    /** Whether nothing is being sent now: for tests that wait for the dispatcher to settle. */
    public boolean idle() {
        return busy.isEmpty();
    }

    record Claimed(UUID id, UUID subscriptionId) {}

    private List<Claimed> claim(int limit) {
        Instant now = Timestamps.now(clock);
        List<Claimed> claimed = new ArrayList<>();
        for (WebhookDelivery delivery : deliveries.claimDue(now, Set.copyOf(busy), limit)) {
            delivery.nextAttemptAt = now.plus(config.webhooks().lease());
            claimed.add(new Claimed(delivery.id, delivery.subscriptionId));
        }
        return claimed;
    }

    /** What one attempt needs, read in a short transaction: nothing is held while the endpoint answers. */
    record Prepared(UUID deliveryId, String url, String webhookId, String payload, List<String> secrets) {}

    void send(UUID deliveryId) {
        Prepared prepared = QuarkusTransaction.requiringNew().call(() -> prepare(deliveryId));
        if (prepared == null) {
            return;
        }
        Instant started = Timestamps.now(clock);
        long timestamp = started.getEpochSecond();
        WebhookHttp.Answer answer;
        try {
            WebhookTargets.Target target = targets.check(prepared.url());
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("webhook-id", prepared.webhookId());
            headers.put("webhook-timestamp", Long.toString(timestamp));
            headers.put(
                    "webhook-signature",
                    WebhookSecrets.signatures(prepared.webhookId(), timestamp, prepared.payload(), prepared.secrets()));
            answer = http.post(target, headers, prepared.payload().getBytes(StandardCharsets.UTF_8));
        } catch (WebhookTargets.Refused refused) {
            answer = new WebhookHttp.Answer(null, null, "refused: the URL " + refused.getMessage(), 0);
        }
        WebhookHttp.Answer outcome = answer;
        QuarkusTransaction.requiringNew().run(() -> recordOutcome(deliveryId, started, outcome));
    }

    private Prepared prepare(UUID deliveryId) {
        Optional<WebhookDelivery> found = deliveries.findByIdOptional(deliveryId);
        if (found.isEmpty() || found.get().status != DeliveryStatus.PENDING) {
            return null;
        }
        WebhookDelivery delivery = found.get();
        Optional<WebhookSubscription> subscription = subscriptions.findByIdOptional(delivery.subscriptionId);
        if (subscription.isEmpty() || !subscription.get().enabled) {
            delivery.status = DeliveryStatus.FAILED;
            delivery.nextAttemptAt = null;
            delivery.lastError = "The webhook is disabled";
            delivery.updatedAt = Timestamps.now(clock);
            return null;
        }
        WebhookSubscription s = subscription.get();
        Instant now = clock.instant();
        List<String> signing = new ArrayList<>();
        signing.add(secrets.decrypt(s.id, s.secret));
        if (s.previousSecret != null && s.previousSecretExpiresAt != null && now.isBefore(s.previousSecretExpiresAt)) {
            signing.add(secrets.decrypt(s.id, s.previousSecret));
        }
        return new Prepared(delivery.id, s.url, delivery.webhookId(), delivery.payload, signing);
    }

    private void recordOutcome(UUID deliveryId, Instant attemptedAt, WebhookHttp.Answer answer) {
        Optional<WebhookDelivery> found = deliveries.lock(deliveryId);
        if (found.isEmpty()) {
            return; // the subscription was deleted meanwhile
        }
        WebhookDelivery delivery = found.get();
        Optional<WebhookSubscription> found2 = subscriptions.lock(delivery.subscriptionId);
        if (found2.isEmpty()) {
            return;
        }
        WebhookSubscription subscription = found2.get();
        Instant now = Timestamps.now(clock);
        WebhookAttempt attempt = new WebhookAttempt();
        attempt.id = UUID.randomUUID();
        attempt.tenantId = delivery.tenantId;
        attempt.deliveryId = delivery.id;
        attempt.attemptedAt = attemptedAt;
        attempt.statusCode = answer.status();
        attempt.latencyMs = (int) Math.min(answer.latencyMs(), Integer.MAX_VALUE);
        attempt.responseBody = answer.body();
        attempt.error = answer.error();
        attempts.persist(attempt);

        delivery.attempts++;
        delivery.lastStatusCode = answer.status();
        delivery.lastError = answer.success() ? null : describe(answer);
        delivery.updatedAt = now;
        registry.counter("webhooks.attempts", "outcome", outcome(answer)).increment();
        if (delivery.status != DeliveryStatus.PENDING) {
            return; // given up meanwhile (the subscription was disabled): the attempt is logged, nothing more
        }
        if (answer.success()) {
            delivery.status = DeliveryStatus.DELIVERED;
            delivery.deliveredAt = now;
            delivery.nextAttemptAt = null;
            subscription.failingSince = null;
            return;
        }
        if (Integer.valueOf(410).equals(answer.status())) {
            delivery.status = DeliveryStatus.FAILED;
            delivery.nextAttemptAt = null;
            if (subscription.kind == SubscriptionKind.ZAPIER) {
                LOG.infof("Zapier hook %s answered 410 Gone: unsubscribed", subscription.id);
                subscriptions.delete(subscription);
            } else {
                webhooks.disable(subscription, "the endpoint answered 410 Gone", now, true);
            }
            return;
        }
        if (subscription.failingSince == null) {
            subscription.failingSince = attemptedAt;
        }
        Duration window = config.webhooks().giveUpAfter();
        if (!now.isBefore(subscription.failingSince.plus(window))) {
            webhooks.disable(
                    subscription,
                    "every attempt failed for " + window.toDays() + " days (last: " + describe(answer) + ")",
                    now,
                    true);
            return;
        }
        if (!now.isBefore(delivery.queuedAt.plus(window))) {
            delivery.status = DeliveryStatus.FAILED;
            delivery.nextAttemptAt = null;
            LOG.infof("Webhook delivery %s given up after %d attempts", delivery.id, delivery.attempts);
            return;
        }
        Duration pause = pause(delivery.attempts);
        delivery.nextAttemptAt = now.plus(pause);
        LOG.infof(
                "Webhook delivery %s to %s failed (attempt %d: %s), next attempt in %s",
                delivery.id, subscription.id, delivery.attempts, describe(answer), pause);
    }

    /** The pause after the n-th failed attempt, varied by up to 10 % either way. */
    Duration pause(int attempt) {
        List<Duration> pauses = config.webhooks().retryPauses();
        Duration base = pauses.get(Math.min(attempt, pauses.size()) - 1);
        double jitter = 0.9 + ThreadLocalRandom.current().nextDouble() * 0.2;
        return Duration.ofMillis((long) (base.toMillis() * jitter));
    }

    private static String describe(WebhookHttp.Answer answer) {
        return answer.status() != null ? "HTTP " + answer.status() : answer.error();
    }

    private static String outcome(WebhookHttp.Answer answer) {
        if (answer.success()) {
            return "delivered";
        }
        return answer.status() != null ? "status_" + answer.status() / 100 + "xx" : "no_answer";
    }
}
