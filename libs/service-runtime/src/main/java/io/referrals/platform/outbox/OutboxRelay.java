package io.referrals.platform.outbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.referrals.events.CloudEvent;
import io.referrals.events.EventCodec;
import io.referrals.platform.availability.TransientFailures;
import io.referrals.platform.config.ServiceConfig;
import io.referrals.platform.kafka.KafkaClients;
import io.referrals.platform.kafka.KafkaRecords;
import io.referrals.platform.persistence.AdvisoryLocks;
import io.referrals.platform.tracing.MessagingSpans;
import io.referrals.platform.tracing.TraceParent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Sends recorded events to Kafka in commit order, then marks them sent. At-least-once: a crash between
 * send and mark resends the batch, which consumers absorb because they are idempotent. Of several
 * replicas only the one holding a transaction-scoped advisory lock relays at a time, so the events of one
 * aggregate can never overtake each other; if it dies, its lock goes with its connection and another
 * replica carries on.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OutboxConfig config;

    @Inject
    KafkaClients kafka;

    @Inject
    ServiceConfig service;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry registry;

    @Inject
    MessagingSpans spans;

    private final Semaphore signal = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;
    private Producer<String, String> producer;
    private Counter relayed;
    private Counter failures;

    void start(@Observes StartupEvent startup) {
        if (!config.relayEnabled()) {
            return;
        }
        relayed = registry.counter("outbox.events.relayed", "service", service.name());
        failures = registry.counter("outbox.relay.failures", "service", service.name());
        producer = new KafkaProducer<>(producerProperties());
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        signal.release();
        if (worker != null) {
            try {
                worker.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }

    /** Called after a commit that recorded events. */
    public void wakeUp() {
        signal.release();
    }

    private void loop() {
        long backoffMillis = 0;
        long failingSince = -1;
        String lastFailure = null;
        while (running) {
            try {
                signal.tryAcquire(
                        backoffMillis > 0
                                ? backoffMillis
                                : config.pollInterval().toMillis(),
                        TimeUnit.MILLISECONDS);
                signal.drainPermits();
                int sent;
                do {
                    sent = relayBatch();
                } while (running && sent == config.batchSize());
                if (failingSince >= 0) {
                    LOG.infof(
                            "Outbox relay resumed after %d s of failures",
                            TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - failingSince));
                    failingSince = -1;
                    lastFailure = null;
                }
                backoffMillis = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                failures.increment();
                backoffMillis = Math.min(Math.max(backoffMillis * 2, 500), 30_000);
                // Once per change of state, not once per attempt: an outage of the database or the broker is one
                // line here, and one more when the relay resumes.
                String failure = TransientFailures.summary(e);
                if (failingSince < 0) {
                    failingSince = System.nanoTime();
                }
                if (!failure.equals(lastFailure)) {
                    LOG.warnf("Outbox relay failed, retrying with pauses up to 30 s: %s", e.toString());
                    lastFailure = failure;
                }
            }
        }
    }

    /** Sends one batch; returns how many events it sent. */
    int relayBatch() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (!holdsRelayLock(connection)) {
                    connection.rollback();
                    return 0;
                }
                List<Long> sequences = new ArrayList<>();
                List<Future<RecordMetadata>> sends = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement("""
                        select seq, topic, payload, trace_parent, trace_state from outbox_event
                        where published_at is null order by seq limit ?""")) {
                    select.setInt(1, config.batchSize());
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            sequences.add(rows.getLong(1));
                            sends.add(send(
                                    rows.getString(2),
                                    EventCodec.decode(rows.getString(3)),
                                    TraceParent.stored(rows.getString(4), rows.getString(5))));
                        }
                    }
                }
                if (sequences.isEmpty()) {
                    connection.rollback();
                    return 0;
                }
                producer.flush();
                for (Future<RecordMetadata> send : sends) {
                    send.get(30, TimeUnit.SECONDS);
                }
                try (PreparedStatement mark =
                        connection.prepareStatement("update outbox_event set published_at = ? where seq = any(?)")) {
                    mark.setTimestamp(1, Timestamp.from(clock.instant()));
                    mark.setArray(2, connection.createArrayOf("bigint", sequences.toArray()));
                    mark.executeUpdate();
                }
                connection.commit();
                relayed.increment(sequences.size());
                return sequences.size();
            } catch (Exception e) {
                rollbackQuietly(connection);
                throw e;
            }
        }
    }

    /**
     * Sends one event as the child of the span it was recorded in, with its own span's context in the record's
     * {@code traceparent}/{@code tracestate} headers, which the consumers continue. The span ends with the broker's
     * acknowledgement (or its refusal), on the producer's thread.
     */
    private Future<RecordMetadata> send(String topic, CloudEvent event, TraceParent recordedIn) {
        Span span = spans.send(topic, event.id(), event.type(), event.subject(), recordedIn);
        ProducerRecord<String, String> record = KafkaRecords.of(topic, event);
        TraceParent sentIn = TraceParent.of(Context.root().with(span));
        if (sentIn != null) {
            sentIn.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return producer.send(record, (metadata, failure) -> {
                if (failure == null) {
                    span.end();
                } else {
                    MessagingSpans.endFailed(span, failure);
                }
            });
        } catch (RuntimeException e) {
            MessagingSpans.endFailed(span, e);
            throw e;
        }
    }

    /** One lock per service (the outbox table is per schema); released when the transaction ends. */
    private boolean holdsRelayLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, AdvisoryLocks.relayKey(service.name()));
            try (ResultSet result = lock.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deleteSentEvents() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete =
                        connection.prepareStatement("delete from outbox_event where published_at < ?")) {
            delete.setTimestamp(1, Timestamp.from(clock.instant().minus(config.retention())));
            int deleted = delete.executeUpdate();
            if (deleted > 0) {
                LOG.infof("Deleted %d relayed outbox events", deleted);
            }
        }
    }

    /** The shared Kafka settings (security, SASL, truststore: {@link KafkaClients}), then the relay's own. */
    Map<String, Object> producerProperties() {
        Map<String, Object> own = new LinkedHashMap<>();
        own.put(ProducerConfig.CLIENT_ID_CONFIG, service.name() + "-outbox");
        own.put(ProducerConfig.ACKS_CONFIG, "all");
        own.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        own.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        own.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        own.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        own.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        own.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        own.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        own.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return kafka.producer(own);
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.debug("Rollback failed", e);
        }
    }
}
