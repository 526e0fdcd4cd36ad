package io.referrals.metrics;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.events.CloudEvent;
import io.referrals.events.EventCodec;
import io.referrals.events.EventTypes;
import io.referrals.events.ReferralChannel;
import io.referrals.events.Topics;
import io.referrals.platform.inbox.DeadLetters;
import io.referrals.platform.inbox.EventRouter;
import io.referrals.platform.inbox.InboundRecord;
import io.referrals.platform.inbox.Inbox;
import io.referrals.platform.outbox.OutboxBacklog;
import io.referrals.platform.persistence.AdvisoryLocks;
import io.referrals.testing.PlatformTestResource;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The meters the Kubernetes package's dashboard and alerts read (deploy/kubernetes/platform/dashboard.yaml,
 * monitoring.yaml) that service-runtime adds for operations: the outbox's backlog and its oldest event's age, parked
 * dead letters, the connection pool's use and the HTTP server's latency histogram, under their Prometheus names.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class OperationalMetricsTest {
    @Inject
    OutboxBacklog backlog;

    @Inject
    DeadLetters deadLetters;

    @Inject
    Inbox inbox;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Clock clock;

    @Test
    void theOutboxBacklogCountsUnsentEventsAndAgesTheOldestUntilTheRelaySendsThem() throws Exception {
        CloudEvent event = new Events("practice-" + UUID.randomUUID())
                .received(UUID.randomUUID(), UUID.randomUUID(), ReferralChannel.API, Instant.now(clock), null);
        // The relay's lock held here, so the event waits until this test lets it go.
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            try (PreparedStatement take = lock.prepareStatement("select pg_advisory_xact_lock(?)")) {
                take.setLong(1, AdvisoryLocks.relayKey("metrics-service"));
                take.execute();
            }
            try (Connection writer = dataSource.getConnection();
                    PreparedStatement insert = writer.prepareStatement("""
                            insert into outbox_event (id, tenant_id, topic, event_key, event_type, payload, created_at)
                            values (?, ?, ?, ?, ?, ?, ?)""")) {
                insert.setObject(1, UUID.fromString(event.id()));
                insert.setString(2, event.tenantid());
                insert.setString(3, Topics.METRICS_EVENTS);
                insert.setString(4, event.subject());
                insert.setString(5, event.type());
                insert.setString(6, EventCodec.encode(event));
                insert.setTimestamp(7, Timestamp.from(clock.instant().minus(Duration.ofHours(1))));
                insert.executeUpdate();
            }
            backlog.sample();
            assertTrue(metric("outbox_backlog_events") >= 1, "the waiting event is counted");
            assertTrue(metric("outbox_oldest_age_seconds") >= 3600, "the oldest waited at least an hour");
            lock.rollback();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            backlog.sample();
            assertEquals(0, metric("outbox_backlog_events"), "relayed once the lock is free");
            assertEquals(0, metric("outbox_oldest_age_seconds"));
        });
    }

    @Test
    void aParkedRecordIsCountedAsADeadLetterOfItsTopic() {
        double before = deadLettersOf(Topics.PARTNER_EVENTS);

        deadLetters.park(
                new InboundRecord(Topics.PARTNER_EVENTS, 0, 42, "key", "not an event", System.currentTimeMillis()),
                new IllegalArgumentException("not a CloudEvent"));

        assertEquals(before + 1, deadLettersOf(Topics.PARTNER_EVENTS));
    }

    @Test
    void thePoolAndTheHttpServerLatencyArePublished() {
        given().get("/api/metrics/campaigns").then().statusCode(401);

        String scrape = given().get("/q/metrics").asString();
        for (String family : new String[] {"agroal_active_count", "agroal_awaiting_count", "agroal_max_used_count"}) {
            assertTrue(scrape.contains("\n" + family + "{"), family + " in " + scrape);
        }
        assertTrue(
                Pattern.compile("(?m)^http_server_requests_seconds_bucket\\{.*le=\"")
                        .matcher(scrape)
                        .find(),
                "a latency histogram per route");
    }

    @Test
    void everySeriesOfServiceRuntimeTheDashboardAndAlertsMayNameIsPublished() throws Exception {
        // What the Kubernetes checks allow a dashboard panel or an alert to name (deploy/kubernetes-checks).
        List<String> expected =
                Files.readAllLines(Path.of("../deploy/kubernetes-checks/src/test/resources/exported-metrics.txt"))
                        .stream()
                        .filter(line -> line.matches("\\S+\\s+service-runtime\\s*"))
                        .map(line -> line.split("\\s+")[0])
                        .toList();
        assertTrue(expected.size() >= 10, "the list is read: " + expected);
        deadLetters.park(
                new InboundRecord(Topics.REFERRAL_EVENTS, 0, 7, "key", "not an event", System.currentTimeMillis()),
                new IllegalArgumentException("not a CloudEvent"));
        backlog.sample();
        given().get("/api/metrics/campaigns").then().statusCode(401);
        // A poll through the Inbox (its timers are registered with the bean, on the first poll).
        CloudEvent event = new Events("practice-" + UUID.randomUUID())
                .received(UUID.randomUUID(), UUID.randomUUID(), ReferralChannel.API, Instant.now(clock), null);
        inbox.consumeAll(
                List.of(new InboundRecord(
                        Topics.REFERRAL_EVENTS,
                        0,
                        0,
                        event.subject(),
                        EventCodec.encode(event),
                        System.currentTimeMillis())),
                new EventRouter().on(EventTypes.REFERRAL_RECEIVED, (e, data) -> {}));

        String scrape = given().get("/q/metrics").asString();
        Set<String> published = new TreeSet<>();
        Matcher series = Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]").matcher(scrape);
        while (series.find()) {
            published.add(series.group(1));
        }
        List<String> missing =
                expected.stream().filter(name -> !published.contains(name)).toList();
        assertEquals(List.of(), missing, "published: " + published);
    }

    private static double deadLettersOf(String topic) {
        Matcher matcher = Pattern.compile("(?m)^inbox_dead_letters_total\\{[^}]*topic=\"" + Pattern.quote(topic)
                        + "\"[^}]*} ([0-9.E+]+)$")
                .matcher(given().get("/q/metrics").asString());
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    private static double metric(String name) {
        Matcher matcher = Pattern.compile("(?m)^" + name + "\\{[^}]*service=\"metrics-service\"[^}]*} ([0-9.EN+a-]+)$")
                .matcher(given().get("/q/metrics").asString());
        assertTrue(matcher.find(), name + " is published");
        return Double.parseDouble(matcher.group(1));
    }
}
