package io.referrals.platform.outbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.referrals.platform.config.ServiceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;

/**
 * The outbox's backlog, for the dashboard and the alerts: how many events wait to be relayed
 * ({@code outbox_backlog_events}) and how long the oldest of them has waited ({@code outbox_oldest_age_seconds}, 0 when
 * none waits). Read on a timer by two statements on the partial index of unsent events, never per scrape, so a scrape
 * never waits for the database; the gauges show the last reading, and NaN (no sample) while the database cannot be
 * read. Every replica reports the same table: dashboards take the maximum per service.
 */
@ApplicationScoped
public class OutboxBacklog {
    @Inject
    AgroalDataSource dataSource;

    @Inject
    ServiceConfig service;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry registry;

    private volatile double waiting = Double.NaN;
    private volatile double oldestAgeSeconds = Double.NaN;

    void register(@Observes StartupEvent startup) {
        Gauge.builder("outbox.backlog", this, backlog -> backlog.waiting)
                .description("Events recorded in the outbox and not yet relayed to Kafka")
                .baseUnit("events")
                .tag("service", service.name())
                .register(registry);
        Gauge.builder("outbox.oldest.age", this, backlog -> backlog.oldestAgeSeconds)
                .description("How long the oldest event not yet relayed has waited (0 when none waits)")
                .baseUnit("seconds")
                .tag("service", service.name())
                .register(registry);
    }

    @Scheduled(every = "15s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void sample() {
        try (Connection connection = dataSource.getConnection()) {
            waiting = count(connection);
            Timestamp oldest = oldest(connection);
            oldestAgeSeconds = oldest == null ? 0 : Math.max(0, clock.millis() - oldest.getTime()) / 1000.0;
        } catch (SQLException e) {
            // The database is away (DatabaseAvailability says so once): no reading rather than a stale one.
            waiting = Double.NaN;
            oldestAgeSeconds = Double.NaN;
        }
    }

    private static long count(Connection connection) throws SQLException {
        try (PreparedStatement count =
                        connection.prepareStatement("select count(*) from outbox_event where published_at is null");
                ResultSet rows = count.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The first unsent event by sequence (the relay's order), found through the partial index. */
    private static Timestamp oldest(Connection connection) throws SQLException {
        try (PreparedStatement oldest = connection.prepareStatement(
                        "select created_at from outbox_event where published_at is null order by seq limit 1");
                ResultSet rows = oldest.executeQuery()) {
            return rows.next() ? rows.getTimestamp(1) : null;
        }
    }
}
