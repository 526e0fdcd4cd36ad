package io.referrals.notification.service.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.referrals.notification.entity.DeliveryStatus;
import io.referrals.notification.entity.SubscriptionKind;
import io.referrals.notification.entity.WebhookAttempt;
import io.referrals.notification.entity.WebhookAttemptRepository;
import io.referrals.notification.entity.WebhookDelivery;
import io.referrals.notification.entity.WebhookDeliveryQueued;
import io.referrals.notification.entity.WebhookDeliveryRepository;
import io.referrals.notification.entity.WebhookSubscription;
import io.referrals.notification.entity.WebhookSubscriptionRepository;
import io.referrals.notification.service.NotificationConfig;
import io.referrals.platform.persistence.Timestamps;
import io.referrals.platform.tracing.MessagingSpans;
import io.referrals.platform.tracing.TraceParent;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Sends due deliveries by per-endpoint lanes. A lane owns one endpoint: it takes the endpoint's lease (one lane per
 * endpoint across replicas, renewed per batch), claims up to {@code notifications.webhooks.batch-size} of its due
 * deliveries in the order they were recorded ({@code FOR UPDATE SKIP LOCKED}, each leased so that no other claim
 * takes it and a replica dying mid-send leaves it to be sent again), reads the endpoint and its signing secrets once,
 * sends them back to back outside any transaction over one kept-alive connection (the lane's, see {@link WebhookHttp}),
 * records the batch's outcomes in one transaction, and claims the next batch at once: no tick between two deliveries. At most {@code notifications.webhooks.concurrency} lanes run at
 * once; a lane gives its endpoint up when nothing is due, or after a batch when other endpoints wait for a lane. A
 * slow or dead endpoint holds one lane for at most the timeout per attempt; the others go on around it.
 *
 * <p>A dispatch round (which endpoints have due work, a lane for each up to the free ones) runs after the commit of
 * a transaction that recorded a delivery, when a lane ends, and every {@code notifications.webhooks.every} (retries
 * that became due, redeliveries).
 *
 * <p>Outcomes: 2xx delivered; 410 Gone unsubscribes (a Zapier hook is deleted, a webhook disabled); anything else
 * (another status, a refused target, a connection failure, a timeout) is retried after the configured pauses
 * (5 s, 5 min, 30 min, 2 h, 5 h, then every 10 h, each varied by up to 10 %) for 3 days; an endpoint that failed
 * every attempt for 3 days is disabled and the practice gets a task. A delivery waiting for its retry does not hold
 * the endpoint's later deliveries back: they are in order among themselves while the endpoint answers 2xx.
 */
@ApplicationScoped
class WebhookDispatcher {
    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final AttributeKey<String> HTTP_METHOD = AttributeKey.stringKey("http.request.method");
    private static final AttributeKey<Long> HTTP_STATUS = AttributeKey.longKey("http.response.status_code");
    private static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
    private static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
    private static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    private static final AttributeKey<String> WEBHOOK_ID = AttributeKey.stringKey("webhook.id");

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
    MessagingSpans spans;

    @Inject
    WebhookService webhooks;

    @Inject
    NotificationConfig config;

    @Inject
    MeterRegistry registry;

    @Inject
    Clock clock;

    /** This dispatcher's name on the endpoints' leases. */
    private final UUID owner = UUID.randomUUID();

    private final Set<UUID> busy = ConcurrentHashMap.newKeySet();
    /** Endpoints whose lane just gave way to others: left out of the next round, so a backlog cannot starve them. */
    private final Set<UUID> yielded = ConcurrentHashMap.newKeySet();

    private final AtomicBoolean roundPending = new AtomicBoolean();
    /** Deliveries recorded (commits seen): a lane ending checks it missed none while its endpoint was busy here. */
    private final AtomicLong recorded = new AtomicLong();

    private volatile boolean othersWaiting;
    private Semaphore lanes;
    private ExecutorService pool;
    private ExecutorService rounds;

    @PostConstruct
    void start() {
        int concurrency = Math.max(1, config.webhooks().concurrency());
        lanes = new Semaphore(concurrency);
        AtomicInteger threads = new AtomicInteger();
        pool = Executors.newFixedThreadPool(concurrency, task -> {
            Thread thread = new Thread(task, "webhook-sender-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        rounds = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "webhook-dispatch");
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stop() {
        rounds.shutdownNow();
        pool.shutdownNow();
    }

    @Scheduled(
            every = "${notifications.webhooks.every:1s}",
            delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledDispatch() {
        dispatch();
    }

    /** After the commit of a transaction that recorded a delivery: a round now rather than at the next poll. */
    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) WebhookDeliveryQueued queued) {
        recorded.incrementAndGet();
        wakeUp();
    }

    /** Runs a dispatch round soon on the dispatcher's own thread; calls while one is pending are one round. */
    void wakeUp() {
        if (roundPending.compareAndSet(false, true)) {
            try {
                rounds.execute(() -> {
                    roundPending.set(false);
                    try {
                        dispatch();
                    } catch (RuntimeException e) {
                        LOG.warnf(
                                "Webhook dispatch round failed (%s); the next poll tries again",
                                e.getClass().getSimpleName());
                    }
                });
            } catch (RejectedExecutionException e) {
                roundPending.set(false); // shutting down
            }
        }
    }

    /**
     * Starts a lane for each endpoint with due work this dispatcher is not sending to yet, as many as there are free
     * lanes; returns how many it started.
     */
    public synchronized int dispatch() {
        int free = lanes.availablePermits();
        Set<UUID> skipped = Set.copyOf(yielded);
        yielded.removeAll(skipped);
        Set<UUID> excluded = new HashSet<>(busy);
        excluded.addAll(skipped);
        List<UUID> due = QuarkusTransaction.requiringNew()
                .call(() -> deliveries.endpointsDue(Timestamps.now(clock), excluded, free + 1));
        othersWaiting = due.size() > free;
        int started = 0;
        for (UUID subscriptionId : due.subList(0, Math.min(free, due.size()))) {
            Instant now = Timestamps.now(clock);
            boolean taken = QuarkusTransaction.requiringNew()
                    .call(() -> subscriptions.takeLane(
                            subscriptionId,
                            owner,
                            now,
                            now.plus(config.webhooks().lease())));
            if (!taken) {
                continue; // another replica's lane has it, or it was disabled meanwhile
            }
            lanes.acquireUninterruptibly();
            busy.add(subscriptionId);
            started++;
            pool.execute(() -> lane(subscriptionId));
        }
        if (!skipped.isEmpty() && started < free) {
            wakeUp(); // lanes are free: the endpoints that gave way may go on
        }
        return started;
    }

    /** Whether nothing is being sent now: for tests that wait for the dispatcher to settle. */
    public boolean idle() {
        return busy.isEmpty();
    }

    /** One endpoint's deliveries, batch after batch, until nothing is due or another endpoint waits for a lane. */
    private void lane(UUID subscriptionId) {
        boolean sentAny = false;
        boolean gaveWay = false;
        long seen = recorded.get();
        // One connection for the lane's deliveries, kept alive from one to the next while the endpoint allows.
        try (WebhookHttp.Connection connection = new WebhookHttp.Connection()) {
            while (true) {
                seen = recorded.get();
                Batch batch = QuarkusTransaction.requiringNew().call(() -> claim(subscriptionId));
                if (batch.deliveries().isEmpty()) {
                    break;
                }
                sentAny = true;
                if (send(batch, connection)) {
                    break; // 410 Gone
                }
                if (othersWaiting) {
                    gaveWay = true;
                    break;
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf(
                    "Webhook lane of %s stopped (%s); what it had claimed is sent again after its lease",
                    subscriptionId, e.getClass().getSimpleName());
        } finally {
            try {
                QuarkusTransaction.requiringNew().run(() -> subscriptions.releaseLane(subscriptionId, owner));
            } catch (RuntimeException e) {
                LOG.warnf(
                        "Webhook lane of %s: the lease could not be given up (%s)",
                        subscriptionId, e.getClass().getSimpleName());
            }
            if (gaveWay) {
                yielded.add(subscriptionId);
            }
            busy.remove(subscriptionId);
            lanes.release();
            if (sentAny || recorded.get() != seen) {
                // Free for whatever is due, including what was recorded for this endpoint after its last claim (a
                // round then left it out as busy). A lane that found nothing, with nothing new, does not spin.
                wakeUp();
            }
        }
    }

    /** A delivery as claimed: what one attempt needs, read in the claim's short transaction. */
    record Claimed(UUID id, String webhookId, String payload, TraceParent queuedIn) {}

    /** An endpoint's claimed deliveries with the endpoint's URL and signing secrets, read once for the batch. */
    record Batch(UUID subscriptionId, String url, List<String> secrets, List<Claimed> deliveries, long claimedNanos) {}

    /** Claims the endpoint's next due deliveries (none if the lease is lost or the webhook is disabled or gone). */
    Batch claim(UUID subscriptionId) {
        Instant now = Timestamps.now(clock);
        long claimedNanos = System.nanoTime();
        Instant leaseUntil = now.plus(config.webhooks().lease());
        if (!subscriptions.takeLane(subscriptionId, owner, now, leaseUntil)) {
            return new Batch(subscriptionId, null, List.of(), List.of(), claimedNanos);
        }
        Optional<WebhookSubscription> found = subscriptions.findByIdOptional(subscriptionId);
        if (found.isEmpty() || !found.get().enabled) {
            return new Batch(subscriptionId, null, List.of(), List.of(), claimedNanos);
        }
        WebhookSubscription s = found.get();
        List<Claimed> claimed = new ArrayList<>();
        for (WebhookDelivery delivery : deliveries.claimForEndpoint(
                subscriptionId, now, leaseUntil, config.webhooks().batchSize())) {
            claimed.add(new Claimed(delivery.id, delivery.webhookId(), delivery.payload, delivery.queuedIn()));
        }
        if (claimed.isEmpty()) {
            return new Batch(subscriptionId, null, List.of(), List.of(), claimedNanos);
        }
        List<String> signing = new ArrayList<>();
        signing.add(secrets.decrypt(s.id, s.secret));
        Instant wallNow = clock.instant();
        if (s.previousSecret != null
                && s.previousSecretExpiresAt != null
                && wallNow.isBefore(s.previousSecretExpiresAt)) {
            signing.add(secrets.decrypt(s.id, s.previousSecret));
        }
        return new Batch(subscriptionId, s.url, signing, claimed, claimedNanos);
    }

    record Sent(UUID deliveryId, Instant attemptedAt, WebhookHttp.Answer answer) {}

    /**
     * Sends a claimed batch back to back and records it; returns whether the endpoint is gone (410). A delivery is
     * only sent while its lease leaves room for a whole attempt (so no other claim can take it meanwhile); what is
     * left is given back, to be claimed again at once.
     */
    boolean send(Batch batch, WebhookHttp.Connection connection) {
        long window =
                config.webhooks().lease().minus(config.webhooks().timeout()).toNanos();
        List<Sent> sent = new ArrayList<>();
        List<UUID> unsent = new ArrayList<>();
        boolean gone = false;
        for (Claimed delivery : batch.deliveries()) {
            if (gone || System.nanoTime() - batch.claimedNanos() > window) {
                unsent.add(delivery.id());
                continue;
            }
            Instant started = Timestamps.now(clock);
            WebhookHttp.Answer answer = attempt(batch, delivery, started, connection);
            sent.add(new Sent(delivery.id(), started, answer));
            gone = Integer.valueOf(410).equals(answer.status());
        }
        QuarkusTransaction.requiringNew().run(() -> {
            for (Sent attempt : sent) {
                recordOutcome(attempt.deliveryId(), attempt.attemptedAt(), attempt.answer());
            }
            deliveries.release(unsent, Timestamps.now(clock));
        });
        return gone;
    }

    /**
     * One attempt: the address is checked again (SSRF) right before it, then the signed POST, as a client span (HTTP
     * conventions; the host, never the path or query, which may hold the receiver's token) that is the child of the
     * span the delivery was queued in. Its context goes along as {@code traceparent}, so a receiver can continue it.
     */
    private WebhookHttp.Answer attempt(
            Batch batch, Claimed delivery, Instant started, WebhookHttp.Connection connection) {
        long timestamp = started.getEpochSecond();
        Span span = spans.clientOf("POST", delivery.queuedIn())
                .setAttribute(HTTP_METHOD, "POST")
                .setAttribute(WEBHOOK_ID, delivery.webhookId())
                .startSpan();
        try {
            WebhookTargets.Target target = targets.check(batch.url());
            span.setAttribute(SERVER_ADDRESS, target.host());
            span.setAttribute(SERVER_PORT, (long) target.port());
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("webhook-id", delivery.webhookId());
            headers.put("webhook-timestamp", Long.toString(timestamp));
            headers.put(
                    "webhook-signature",
                    WebhookSecrets.signatures(delivery.webhookId(), timestamp, delivery.payload(), batch.secrets()));
            TraceParent sentIn = TraceParent.of(Context.root().with(span));
            if (sentIn != null) {
                sentIn.forEach(headers::put);
            }
            WebhookHttp.Answer answer =
                    http.post(connection, target, headers, delivery.payload().getBytes(StandardCharsets.UTF_8));
            end(span, answer);
            return answer;
        } catch (WebhookTargets.Refused refused) {
            span.setStatus(StatusCode.ERROR, "refused");
            span.setAttribute(ERROR_TYPE, "refused");
            span.end();
            return new WebhookHttp.Answer(null, null, "refused: the URL " + refused.getMessage(), 0);
        } catch (RuntimeException e) {
            MessagingSpans.endFailed(span, e);
            throw e;
        }
    }

    private static void end(Span span, WebhookHttp.Answer answer) {
        if (answer.status() != null) {
            span.setAttribute(HTTP_STATUS, (long) answer.status());
        }
        if (!answer.success()) {
            span.setStatus(StatusCode.ERROR);
            span.setAttribute(
                    ERROR_TYPE, answer.status() != null ? answer.status().toString() : "connection");
        }
        span.end();
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
