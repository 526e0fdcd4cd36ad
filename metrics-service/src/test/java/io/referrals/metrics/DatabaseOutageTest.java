package io.referrals.metrics;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.referrals.events.CloudEvent;
import io.referrals.events.PartnerCategory;
import io.referrals.events.PartnerStage;
import io.referrals.events.ReferralChannel;
import io.referrals.events.Topics;
import io.referrals.testing.DevTokens;
import io.referrals.testing.KafkaTestClient;
import io.referrals.testing.PlatformTestResource;
import io.referrals.testing.RestartableDatabase;
import io.referrals.testing.RestartableDatabaseResource;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The database goes away for longer than every limit of the consumers, with events arriving meanwhile: requests answer
 * 503 with Retry-After, liveness stays UP, and once it is back each event is applied once, nothing parked.
 *
 * <p>The limits are lowered in this profile so that the outage outlasts them in seconds rather than minutes (the same
 * code paths, taken sooner): Kafka's {@code max.poll.interval.ms} (8 s; 5 minutes in production) and session timeout,
 * the Inbox's longest pause between attempts (1 s; 30 s in production) and its wedge limit for one attempt (5 s; 10
 * minutes in production). The throttled commit strategy's own limit, which killed the channel after 60 s, is off in
 * every profile.
 */
@QuarkusTest
@TestProfile(DatabaseOutageTest.LoweredLimits.class)
@WithTestResource(RestartableDatabaseResource.class)
class DatabaseOutageTest {
    private static final Duration LONGEST_LIMIT = Duration.ofSeconds(8);
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    public static class LoweredLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "mp.messaging.connector.smallrye-kafka.max.poll.interval.ms",
                            Long.toString(LONGEST_LIMIT.toMillis()),
                    "mp.messaging.connector.smallrye-kafka.session.timeout.ms", "6000",
                    "mp.messaging.connector.smallrye-kafka.heartbeat.interval.ms", "1000",
                    "platform.inbox.max-pause", "1s",
                    "platform.inbox.stuck-after", "5s",
                    "platform.availability.probe-every", "200ms");
        }
    }

    private final Events events = new Events("practice-" + UUID.randomUUID());
    private final UUID partnerId = UUID.randomUUID();
    private final Instant at = Instant.parse("2026-03-01T09:00:00Z");

    @AfterEach
    void databaseBack() {
        database().startAgain();
    }

    @Test
    void anOutageAnswers503AndEventsPublishedMeanwhileAreAppliedOnceWhenTheDatabaseIsBack() {
        Events.send(
                events.partnerCreated(
                        partnerId, "Dana Lee", PartnerCategory.PROFESSIONAL, List.of(), PartnerStage.TRUSTED, at),
                events.received(UUID.randomUUID(), partnerId, ReferralChannel.API, at, null));
        await().atMost(DEADLINE)
                .untilAsserted(() -> partner().then().statusCode(200).body("referralsReceived", equalTo(1)));
        double retriesBefore = inboxRetries();

        database().stop();
        Instant stopped = Instant.now();

        // A read of a practice not cached yet needs the database: 503 problem+json with Retry-After, not a 500.
        Response refused = given().auth()
                .oauth2(DevTokens.token("practice-" + UUID.randomUUID(), "viewer"))
                .get("/api/metrics/partners/" + UUID.randomUUID());
        assertEquals(503, refused.statusCode(), refused.asString());
        assertTrue(refused.contentType().startsWith("application/problem+json"), refused.contentType());
        assertEquals("5", refused.header("Retry-After"));
        refused.then()
                .body("type", equalTo("https://referrals.example/problems/service-unavailable"))
                .body("status", equalTo(503))
                .body("instance", startsWith("/api/metrics/partners/"));

        // Published while it is away: two new referrals, a conversion, and one of them twice (a redelivery).
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        CloudEvent secondReceived = events.received(second, partnerId, ReferralChannel.API, at, null);
        Events.send(
                secondReceived,
                events.received(third, partnerId, ReferralChannel.API, at, null),
                secondReceived,
                events.converted(second, partnerId, "1500.00", "USD", at, at.plus(Duration.ofDays(3))));

        // The consumer keeps failing its attempts, for longer than every lowered limit; liveness stays UP all along,
        // readiness says DOWN.
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(500)).until(() -> {
            liveness().then().statusCode(200).body("status", equalTo("UP"));
            return inboxRetries() >= retriesBefore + 3
                    && Duration.between(stopped, Instant.now()).compareTo(LONGEST_LIMIT.plusSeconds(2)) > 0;
        });
        given().get("/q/health/ready").then().statusCode(503);
        liveness().then().statusCode(200).body("status", equalTo("UP"));

        database().startAgain();

        await().atMost(DEADLINE)
                .untilAsserted(() -> partner()
                        .then()
                        .statusCode(200)
                        .body("referralsReceived", equalTo(3))
                        .body("referralsConverted", equalTo(1))
                        .body("revenue[0].amount", equalTo("1500.00")));
        liveness().then().statusCode(200).body("status", equalTo("UP"));
        await().atMost(DEADLINE)
                .untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));

        // Nothing was parked because the database was away: a malformed marker sent now is the first record of the
        // dead-letter topic about this practice, and none of its events came before it.
        String marker = "marker-" + UUID.randomUUID();
        KafkaTestClient kafka = new KafkaTestClient(PlatformTestResource.bootstrapServers());
        kafka.send(Topics.REFERRAL_EVENTS, marker, "not an event, tenant " + events.tenant);
        var dead = kafka.readUntil(
                Topics.deadLetter("metrics-service"),
                DEADLINE,
                records -> records.stream().anyMatch(r -> marker.equals(r.key())));
        assertTrue(dead.stream().anyMatch(r -> marker.equals(r.key())), "the marker is parked");
        assertFalse(
                dead.stream().anyMatch(r -> !marker.equals(r.key()) && r.value().contains(events.tenant)),
                "no event of this practice was parked");
    }

    private Response partner() {
        return given().auth()
                .oauth2(DevTokens.token(events.tenant, "viewer"))
                .get("/api/metrics/partners/" + partnerId);
    }

    private static Response liveness() {
        return given().get("/q/health/live");
    }

    private static RestartableDatabase database() {
        return RestartableDatabaseResource.database();
    }

    private static final Pattern RETRIES = Pattern.compile("(?m)^inbox_retries_total\\{[^}]*} ([0-9.E]+)$");

    private static double inboxRetries() {
        Matcher matcher = RETRIES.matcher(given().get("/q/metrics").asString());
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
