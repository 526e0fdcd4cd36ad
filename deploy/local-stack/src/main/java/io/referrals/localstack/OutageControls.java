package io.referrals.localstack;

import io.referrals.testing.EmbeddedDatabase;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/**
 * Takes a running stack's PostgreSQL, broker or services away and brings them back, as outages do, and tells
 * whether they are back: what the outage tests and the benchmark's outage drill build on. Obtained from {@link
 * RunningStack#outageControls()}.
 *
 * <p>The stack's watches start a part that dies behind their back again (PostgreSQL at once, a service or the broker
 * after a pause). A caller that stops or kills a part on purpose keeps it down with a {@link Hold}: {@link
 * #stopDatabase()} and {@link #stopBroker()} hold by themselves until {@link #startDatabase()} / {@link
 * #startBroker()}; a test that kills a service and brings it back itself writes {@code try (Hold hold =
 * controls.hold("referral-service")) { controls.killService(...); stack.restart(...); }}.
 */
public final class OutageControls {
    /** The local broker's name for {@link #hold} and {@link #watchRestarts}. */
    public static final String KAFKA = "Kafka";

    private final EmbeddedDatabase database;
    // Null when the stack uses an external PostgreSQL.
    private final DatabaseWatch databaseWatch;
    private final KafkaBroker kafka;
    private final ProcessWatch processWatch;
    private final Function<String, ServiceProcess> services;
    private final HttpClient http;
    private final Duration readyTimeout;
    // Guarded by this: held while the broker is stopped on purpose (stopBroker ... startBroker).
    private Hold brokerHold;

    OutageControls(
            EmbeddedDatabase database,
            DatabaseWatch databaseWatch,
            KafkaBroker kafka,
            ProcessWatch processWatch,
            Function<String, ServiceProcess> services,
            HttpClient http,
            Duration readyTimeout) {
        this.database = database;
        this.databaseWatch = databaseWatch;
        this.kafka = kafka;
        this.processWatch = processWatch;
        this.services = services;
        this.http = http;
        this.readyTimeout = readyTimeout;
    }

    // --- PostgreSQL

    /**
     * Kills every process of the embedded PostgreSQL at once with SIGKILL (the postmaster and all its children, as
     * an OOM kill of the whole container or a lost container would) and returns once they are all gone. Nothing
     * shuts down cleanly; what survives is what was on disk. The stack's watch notices within a second, says so
     * and starts PostgreSQL again on the same data directory and port (crash recovery from the WAL); wait for
     * {@link #isDatabaseUp()} if a test needs it back.
     */
    public void killDatabase() {
        requireEmbeddedDatabase();
        database.kill();
    }

    /**
     * Stops the embedded PostgreSQL cleanly and keeps it down: the watch does not start it again until {@link
     * #startDatabase()}. The services see connection failures meanwhile.
     */
    public void stopDatabase() {
        requireEmbeddedDatabase();
        databaseWatch.hold();
        database.stop();
    }

    /**
     * Starts the embedded PostgreSQL again on the same data directory and port, after {@link #stopDatabase()} or
     * {@link #killDatabase()}, and returns once it accepts connections; from then on the watch restarts it again
     * if it dies. A no-op if it runs.
     */
    public void startDatabase() {
        requireEmbeddedDatabase();
        database.start();
        databaseWatch.release();
    }

    /** Whether the embedded PostgreSQL's postmaster runs. */
    public boolean isDatabaseUp() {
        requireEmbeddedDatabase();
        return database.isAlive();
    }

    /** How many times the watch started a dead PostgreSQL again since the stack started. */
    public long databaseRestarts() {
        requireEmbeddedDatabase();
        return databaseWatch.restarts();
    }

    /** Completed rounds of the database watch, for tests that must see it looked and left a stopped database down. */
    long databaseWatchRounds() {
        requireEmbeddedDatabase();
        return databaseWatch.rounds();
    }

    private void requireEmbeddedDatabase() {
        if (database == null || !database.isEmbedded()) {
            throw new IllegalStateException(
                    "The stack uses an external PostgreSQL (DB_URL); it cannot stop or kill it");
        }
    }

    // --- The local broker

    /**
     * Stops the local Kafka broker (SIGTERM; it flushes and closes its log, SIGKILL after 15 s) and keeps it down
     * until {@link #startBroker()}. The services' producers and consumers see the broker gone meanwhile.
     */
    public void stopBroker() {
        requireEmbeddedBroker();
        Hold hold = processWatch.hold(KAFKA);
        synchronized (this) {
            if (brokerHold == null) {
                brokerHold = hold;
                hold = null;
            }
        }
        if (hold != null) {
            hold.close(); // stopped already: one hold is enough
        }
        kafka.stop();
    }

    /**
     * Starts the local Kafka broker again on the same log directory and ports, and returns once it answers a
     * metadata request (within {@code --ready-timeout}). A no-op if it runs. Hands the broker back to the watch even
     * if the start fails, so that the watch tries again.
     */
    public void startBroker() {
        requireEmbeddedBroker();
        try {
            if (kafka.startAgain()) {
                kafka.awaitReady(Instant.now().plus(readyTimeout));
            }
        } finally {
            Hold held;
            synchronized (this) {
                held = brokerHold;
                brokerHold = null;
            }
            if (held != null) {
                held.close();
            }
        }
    }

    /** Kills the local broker's JVM with SIGKILL, as a crash would; the stack's watch starts it again. */
    public void killBroker() {
        requireEmbeddedBroker();
        kafka.kill();
    }

    /** Whether the local broker's JVM runs. */
    public boolean isBrokerUp() {
        return kafka.isAlive();
    }

    private void requireEmbeddedBroker() {
        if (!kafka.isEmbedded()) {
            throw new IllegalStateException(
                    "The stack uses an external Kafka (KAFKA_BOOTSTRAP_SERVERS); it cannot stop or start it");
        }
    }

    // --- The services, and the watch that starts a dead service or broker again

    /**
     * Kills the service's JVM with SIGKILL, as a crash would; the rest of the stack keeps running. Unless the caller
     * {@linkplain #hold holds} the service, the stack's watch reports it and starts it again after a pause.
     */
    public void killService(String name) {
        services.apply(name).kill();
    }

    /** Whether the service's JVM runs. */
    public boolean isServiceUp(String name) {
        return services.apply(name).isAlive();
    }

    /** Whether the service answers its readiness check. */
    public boolean isServiceReady(String name) {
        return services.apply(name).isReady(http);
    }

    /**
     * Keeps the stack's watch from starting {@code name} (a service, or {@link #KAFKA}) again while the caller stops,
     * kills or restarts it on purpose. Once the hold is closed the watch looks after the process again.
     */
    public Hold hold(String name) {
        return processWatch.hold(name);
    }

    /** How many times the stack's watch started {@code name} (a service, or {@link #KAFKA}) again after it died. */
    public long watchRestarts(String name) {
        return processWatch.restarts(name);
    }

    /** Completed rounds of the process watch, for tests that must see it looked and left a held process down. */
    long processWatchRounds() {
        return processWatch.rounds();
    }
}
