package io.referrals.platform.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.referrals.events.CloudEvent;
import io.referrals.events.EventCodec;
import io.referrals.events.EventTypes;
import io.referrals.events.MalformedEventException;
import io.referrals.events.Topics;
import io.referrals.platform.availability.DatabaseAvailability;
import io.referrals.platform.availability.TransientFailures;
import io.referrals.platform.config.ServiceConfig;
import io.referrals.platform.persistence.AdvisoryLocks;
import io.referrals.platform.persistence.Sql;
import io.referrals.platform.tenant.TenantIds;
import io.referrals.platform.tracing.MessagingSpans;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Applies consumed events exactly once (the event id recorded with the effect, a poll in one transaction), parks what
 * is not an event of a known contract on the dead-letter topic, and rides out outages of any length by retrying: why
 * and how in libs/service-runtime/README.md#events-in-the-inbox.
 */
@ApplicationScoped
public class Inbox {
    private static final Logger LOG = Logger.getLogger(Inbox.class);
    private static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

    @Inject
    EntityManager entityManager;

    @Inject
    Sql sql;

    @Inject
    AdvisoryLocks locks;

    @Inject
    MeterRegistry registry;

    @Inject
    ServiceConfig service;

    @Inject
    DeadLetters deadLetters;

    @Inject
    InboxConfig config;

    @Inject
    DatabaseAvailability availability;

    @Inject
    MessagingSpans spans;

    /**
     * The consumer group of the service's channels (the connector's, shared by all of them; metrics-service names a
     * new one when its read models change), as its spans name it, so a trace and the lag panel say the same group.
     */
    @ConfigProperty(name = "mp.messaging.connector.smallrye-kafka.group.id")
    Optional<String> consumerGroup;

    private Timer batchTime;
    private Timer lockWait;
    private Timer ageReceived;
    private Timer ageApplied;

    /** When each attempt now running started (System.nanoTime), for {@link ConsumersLiveness}. */
    private final Collection<Long> attemptsInFlight = new ConcurrentLinkedQueue<>();

    /**
     * Decodes a record and checks that it may have come from where it did: an event topic carries only its own
     * producer's events ({@code source}) of its own contracts ({@code type}), each about a practice whose id is one a
     * token could carry ({@link TenantIds}: a service's reserved ids stay out of reach from the topics too). Anything
     * else is treated as malformed: parked on the dead-letter topic, never applied, so a writer to one topic cannot
     * pass off another service's events. An unknown type from the right producer is a newer contract and is ignored,
     * as before.
     */
    static CloudEvent decode(String topic, String payload) {
        CloudEvent event = EventCodec.decode(payload);
        if (!TenantIds.isValid(event.tenantid())) {
            throw new MalformedEventException(
                    "Event " + event.id() + " on " + topic + " has a tenantid that is not a practice id");
        }
        String expectedSource = Topics.source(topic)
                .orElseThrow(() -> new MalformedEventException(
                        "Event " + event.id() + " arrived on " + topic + ", which is not an event topic"));
        if (!expectedSource.equals(event.source())) {
            throw new MalformedEventException("Event " + event.id() + " on " + topic + " has source " + event.source()
                    + ", not " + expectedSource);
        }
        EventTypes.byCloudEventType(event.type())
                .filter(type -> !type.topic().equals(topic))
                .ifPresent(type -> {
                    throw new MalformedEventException("Event " + event.id() + " of type " + event.type()
                            + " belongs on " + type.topic() + ", not " + topic);
                });
        return event;
    }

    /**
     * Applies a batch of records in one transaction, each event at most once; returns how many had an effect. A record
     * that is not an event of a known contract, or whose data does not match it, is parked on the dead-letter topic
     * and the rest of the batch is applied without it. Other failures are retried with growing pauses, as for one.
     */
    public int consumeAll(List<InboundRecord> records, EventRouter router) {
        if (records.isEmpty()) {
            return 0;
        }
        Span poll = spans.poll(records.get(0).topic(), group(), records.size(), sentBy(records));
        try (Scope scope = poll.makeCurrent()) {
            return consumePoll(records, router, poll);
        } finally {
            poll.end();
        }
    }

    private String group() {
        return consumerGroup.orElse(service.name());
    }

    private static List<SpanContext> sentBy(List<InboundRecord> records) {
        List<SpanContext> sends = new ArrayList<>(records.size());
        for (InboundRecord record : records) {
            if (record.sentIn() != null) {
                record.sentIn().spanContext().ifPresent(sends::add);
            }
        }
        return sends;
    }

    private int consumePoll(List<InboundRecord> records, EventRouter router, Span poll) {
        recordAges(ageReceived, records);
        List<Decoded> events = new ArrayList<>(records.size());
        for (InboundRecord record : records) {
            try {
                CloudEvent event = decode(record.topic(), record.value());
                if (router.handles(event.type())) {
                    events.add(new Decoded(record, event));
                }
            } catch (MalformedEventException e) {
                park(record, e);
            }
        }
        Failures failures = new Failures("a batch of " + events.size() + " events");
        while (!events.isEmpty()) {
            long started = attemptStarted();
            try {
                Set<String> applied = batchTime.record(
                        () -> QuarkusTransaction.requiringNew().call(() -> applyAllOnce(events, router, poll)));
                Set<String> counted = new HashSet<>(); // an id twice in one poll is applied once
                List<InboundRecord> effects = new ArrayList<>(applied.size());
                for (Decoded decoded : events) {
                    boolean effect = applied.contains(decoded.event().id())
                            && counted.add(decoded.event().id());
                    count(decoded.event(), effect);
                    if (effect) {
                        effects.add(decoded.record());
                    }
                }
                recordAges(ageApplied, effects);
                failures.passed();
                return applied.size();
            } catch (MalformedData e) {
                park(e.decoded.record(), e.reason);
                events.remove(e.decoded);
            } catch (RuntimeException e) {
                failures.failed(e);
            } finally {
                attemptEnded(started);
            }
        }
        failures.passed();
        return 0;
    }

    private Set<String> applyAllOnce(List<Decoded> events, EventRouter router, Span poll) {
        SortedSet<String> practices = events.stream()
                .map(decoded -> decoded.event().tenantid())
                .collect(Collectors.toCollection(TreeSet::new));
        lockWait.record(() -> {
            if (router.locksPractices()) {
                router.lockPractices(practices);
            } else {
                lockPractices(practices);
            }
        });
        List<Decoded> fresh = recordAll(events);
        router.prepare(fresh.stream().map(Decoded::event).toList());
        boolean sessionPerBatch = router.keepsSessionPerBatch();
        if (sessionPerBatch) {
            entityManager.setFlushMode(FlushModeType.COMMIT);
        }
        Set<String> applied = new HashSet<>();
        Set<String> tenants = new LinkedHashSet<>();
        for (Decoded decoded : fresh) {
            CloudEvent event = decoded.event();
            InboundRecord record = decoded.record();
            // Current while the handler runs: what it records (events, mail, deliveries) keeps this span's context.
            Span processing = spans.process(
                    record.topic(),
                    group(),
                    record.partition(),
                    record.offset(),
                    event.id(),
                    event.type(),
                    record.sentIn(),
                    poll);
            try (Scope scope = processing.makeCurrent()) {
                router.route(event);
            } catch (MalformedEventException e) {
                MessagingSpans.endFailed(processing, e);
                throw new MalformedData(decoded, e);
            } catch (RuntimeException e) {
                MessagingSpans.endFailed(processing, e);
                throw e;
            }
            processing.end();
            if (!sessionPerBatch) {
                // Each event's changes go to the database now and the session forgets them: the persistence context
                // stays as small as one event's, so the automatic flush before each query does not grow with the batch.
                entityManager.flush();
                entityManager.clear();
            }
            applied.add(event.id());
            tenants.add(event.tenantid());
        }
        entityManager.flush();
        router.applied(tenants);
        return applied;
    }

    /**
     * Records the batch's event ids as processed, in one statement; answers the events recorded now, each id once, in
     * batch order. An id recorded by an earlier transaction (a redelivery) or earlier in this batch is left out.
     */
    private List<Decoded> recordAll(List<Decoded> events) {
        Map<String, Decoded> byId = new LinkedHashMap<>();
        events.forEach(decoded -> byId.putIfAbsent(decoded.event().id(), decoded));
        List<CloudEvent> unique = byId.values().stream().map(Decoded::event).toList();
        Set<String> recorded = new HashSet<>(sql.query(
                """
                insert into processed_event (event_id, tenant_id, event_type)
                select * from unnest(?, ?, ?) on conflict (event_id) do nothing returning event_id""",
                row -> row.getString(1),
                Sql.array("varchar", unique.stream().map(CloudEvent::id).toArray()),
                Sql.array("varchar", unique.stream().map(CloudEvent::tenantid).toArray()),
                Sql.array("varchar", unique.stream().map(CloudEvent::type).toArray())));
        return byId.values().stream()
                .filter(decoded -> recorded.contains(decoded.event().id()))
                .toList();
    }

    /**
     * Unless the router takes its own ({@link EventRouter#lockingPractices}), a service's consumers apply their
     * batches one practice at a time: two batches touching the same rows in different orders (a partner updated by a
     * referral and by a thank-you) would otherwise deadlock each other.
     */
    private void lockPractices(Set<String> tenants) {
        locks.lockPractices(tenants);
    }

    /** The advisory lock a service's consumers hold for a practice while they apply its events. */
    public static int[] practiceLock(String serviceName, String tenantId) {
        return AdvisoryLocks.practiceKey(serviceName, tenantId);
    }

    /**
     * How long a poll's transaction took from begin to commit ({@code inbox.batch}), and how much of it waited for the
     * practices' locks ({@code inbox.batch.lock.wait}): with the consumer lag, what tells an operator whether events are
     * slow to apply or wait on another batch of the same practice. How old each event was, from the time its record was
     * written to the topic, when its poll reached the inbox ({@code inbox.event.age}, {@code stage=received}) and when
     * its effect was committed ({@code stage=applied}): how fresh the read models are, and which hop a delay is in.
     * Histograms, so percentiles can be read. Registered once: a meter lookup per poll is work for nothing.
     */
    @PostConstruct
    void registerTimers() {
        batchTime = histogram(Timer.builder("inbox.batch").description("A poll's transaction, begin to commit"));
        lockWait = histogram(Timer.builder("inbox.batch.lock.wait")
                .description("Time a poll's transaction waited for its practices' locks"));
        ageReceived = histogram(eventAge().tag("stage", "received"));
        ageApplied = histogram(eventAge().tag("stage", "applied"));
    }

    private static Timer.Builder eventAge() {
        return Timer.builder("inbox.event.age")
                .description("Time from an event's record being written to the topic to its poll reaching the inbox"
                        + " (received) or its effect being committed (applied)")
                .maximumExpectedValue(Duration.ofMinutes(10));
    }

    private Timer histogram(Timer.Builder timer) {
        return timer.tag("service", service.name()).publishPercentileHistogram().register(registry);
    }

    private static void recordAges(Timer timer, List<InboundRecord> records) {
        // Wall time, not the injected Clock: this times a latency against the record's timestamp, which the producer
        // took from its own wall clock (a test's clock would make every age zero). A skew between hosts must not read
        // as a negative age.
        long now = System.currentTimeMillis();
        records.forEach(record -> timer.record(Math.max(0, now - record.timestamp()), TimeUnit.MILLISECONDS));
    }

    private void count(CloudEvent event, boolean applied) {
        registry.counter(
                        "inbox.events",
                        "service",
                        service.name(),
                        "type",
                        event.type(),
                        "outcome",
                        applied ? "applied" : "duplicate")
                .increment();
    }

    private void park(InboundRecord record, MalformedEventException e) {
        registry.counter("inbox.events.malformed", "service", service.name()).increment();
        LOG.warnf("Malformed event sent to the dead-letter topic %s: %s", deadLetters.topic(), e.getMessage());
        // Parking needs the broker: while it is away the record waits here like any other, and is parked once.
        Failures failures = new Failures("parking a malformed record on " + deadLetters.topic());
        while (true) {
            try {
                deadLetters.park(record, e);
                failures.passed();
                return;
            } catch (RuntimeException failure) {
                failures.failed(failure);
            }
        }
    }

    /** The longest time an attempt now running has taken: what {@link ConsumersLiveness} reports. */
    Duration longestAttemptInFlight() {
        long now = System.nanoTime();
        return attemptsInFlight.stream()
                .map(started -> Duration.ofNanos(now - started))
                .max(Duration::compareTo)
                .orElse(Duration.ZERO);
    }

    private long attemptStarted() {
        long started = System.nanoTime();
        attemptsInFlight.add(started);
        return started;
    }

    private void attemptEnded(long started) {
        attemptsInFlight.remove(started);
    }

    /**
     * One run of failures of the same events, and the one place that decides what a failure means. Logs once per
     * change of state (failing, failing differently, passing again), never once per attempt, and pauses between
     * attempts with a capped backoff. Neither kind of failure skips the events or parks them: a dependency that is away
     * (the database, the broker: {@link TransientFailures}) comes back, and a bug is fixed by a new release that then
     * applies them; dead letters are for records that are not valid events.
     */
    private final class Failures {
        private final String what;
        private int attempt;
        private long since;
        private String lastKind;

        Failures(String what) {
            this.what = what;
        }

        void failed(RuntimeException e) {
            attempt++;
            registry.counter("inbox.retries", "service", service.name()).increment();
            Span.current()
                    .addEvent("retry", Attributes.of(ERROR_TYPE, e.getClass().getName()));
            boolean dependency = TransientFailures.isTransient(e);
            if (TransientFailures.isDatabaseUnreachable(e)) {
                availability.unreachable(e);
            }
            // A dependency away is one state however its failures read (reset, then refused); a bug is one per message.
            String kind = dependency ? "dependency" : "bug " + TransientFailures.summary(e);
            if (attempt == 1) {
                since = System.nanoTime();
            }
            if (!kind.equals(lastKind)) {
                if (dependency) {
                    LOG.warnf(
                            "Consumption paused: applying %s failed because a dependency is away (%s); retrying until"
                                    + " it is back",
                            what, TransientFailures.summary(e));
                } else {
                    // A bug (or data no handler expected): the one stack trace of this run of failures.
                    LOG.errorf(
                            e,
                            "Consumption stalled: applying %s failed, not because a dependency is away; retrying"
                                    + " every %d s until a fix is deployed, nothing is skipped",
                            what,
                            config.maxPause().toSeconds());
                }
                lastKind = kind;
            }
            sleep(pause(attempt));
        }

        void passed() {
            if (attempt > 0) {
                LOG.infof(
                        "Consumption resumed: %s applied after %d failed attempts over %s s",
                        what, attempt, String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - since) / 1e9));
                attempt = 0;
                lastKind = null;
            }
        }

        private long pause(int attempt) {
            return Math.min(100L << Math.min(attempt, 16), config.maxPause().toMillis());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Decoded(InboundRecord record, CloudEvent event) {}

    /** An event of a batch whose data does not match its contract: the batch rolls back and goes on without it. */
    private static final class MalformedData extends RuntimeException {
        private final transient Decoded decoded;
        private final MalformedEventException reason;

        MalformedData(Decoded decoded, MalformedEventException reason) {
            super(reason);
            this.decoded = decoded;
            this.reason = reason;
        }
    }
}
