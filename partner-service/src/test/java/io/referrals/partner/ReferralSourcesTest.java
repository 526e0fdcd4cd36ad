package io.referrals.partner;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.events.CloudEvent;
import io.referrals.events.Consent;
import io.referrals.events.EventCodec;
import io.referrals.events.EventTypes;
import io.referrals.events.ReferralChannel;
import io.referrals.events.Topics;
import io.referrals.events.referral.ReferralAttributed;
import io.referrals.events.referral.ReferralReceived;
import io.referrals.events.referral.Referrer;
import io.referrals.platform.inbox.Inbox;
import io.referrals.testing.Api;
import io.referrals.testing.KafkaTestClient;
import io.referrals.testing.PlatformTestResource;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class ReferralSourcesTest {
    private final String tenant = "practice-" + UUID.randomUUID();
    private final KafkaTestClient kafka = new KafkaTestClient(PlatformTestResource.bootstrapServers());

    @Inject
    AgroalDataSource dataSource;

    private RequestSpecification as(String role) {
        return Api.as(tenant, role);
    }

    private CloudEvent referral(UUID partnerId, String name, String email) {
        UUID referralId = UUID.randomUUID();
        return EventCodec.wrap(
                EventTypes.REFERRAL_RECEIVED,
                "/referral-service",
                tenant,
                referralId.toString(),
                new ReferralReceived(
                        referralId, new Referrer(partnerId, name, email), "Alex", Consent.NONE, Instant.now()));
    }

    @Test
    void aReferrerWithoutARecordBecomesOneCandidateSource() {
        UUID sourceId = UUID.randomUUID();
        CloudEvent first = referral(sourceId, "Priya Natarajan", "priya@example.com");
        kafka.send(Topics.REFERRAL_EVENTS, first);
        kafka.send(Topics.REFERRAL_EVENTS, first);
        kafka.send(Topics.REFERRAL_EVENTS, referral(sourceId, "Priya Natarajan", "priya@example.com"));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> as("viewer")
                        .get("/api/partners/" + sourceId)
                        .then()
                        .statusCode(200)
                        .body("candidate", equalTo(true))
                        .body("candidateReferralId", equalTo(first.subject()))
                        .body("relationship", equalTo("source"))
                        .body("stage", equalTo("identified"))
                        .body("category", equalTo("uncategorized")));
        // A later referral from the same source arrives after the first on the same consumer: wait for it too.
        CloudEvent marker = referral(UUID.randomUUID(), "Marker", null);
        kafka.send(Topics.REFERRAL_EVENTS, marker);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        as("viewer").get("/api/partners?candidate=true").then().body("total", equalTo(2)));
        as("viewer").get("/api/partners/" + sourceId + "/history").then().body("to", contains("identified"));
        long created = kafka.eventsFor(Topics.PARTNER_EVENTS, sourceId.toString(), 1, Duration.ofSeconds(10)).stream()
                .filter(e -> e.type().equals(EventTypes.PARTNER_CREATED.cloudEventType()))
                .count();
        assertEquals(1, created);
    }

    /**
     * The services share one database, and advisory locks belong to the database: metrics-service busy with the
     * practice (its consumers hold the practice's lock through each batch) must not hold partner-service's consumer.
     */
    @Test
    void anotherServiceBusyWithThePracticeDoesNotHoldThisServicesConsumer() throws Exception {
        int[] metricsLock = Inbox.practiceLock("metrics-service", tenant);
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement("select pg_advisory_xact_lock(?, ?)")) {
                lock.setInt(1, metricsLock[0]);
                lock.setInt(2, metricsLock[1]);
                lock.executeQuery().close();
            }
            UUID sourceId = UUID.randomUUID();
            kafka.send(Topics.REFERRAL_EVENTS, referral(sourceId, "Meanwhile", null));
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() ->
                            as("viewer").get("/api/partners/" + sourceId).then().statusCode(200));
            other.rollback();
        }
    }

    @Test
    void aReferralFromAnEndedPartnerIsFlaggedForReview() {
        String id = as("owner")
                .body("{\"name\":\"Former\",\"category\":\"professional\"}")
                .post("/api/partners")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as("owner")
                .body("{\"to\":\"ended\",\"reason\":\"Retired\"}")
                .post("/api/partners/" + id + "/stage-transitions")
                .then()
                .statusCode(200);
        kafka.send(Topics.REFERRAL_EVENTS, referral(UUID.fromString(id), "Former", null));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> as("viewer")
                        .get("/api/partners?needsReview=true")
                        .then()
                        .body("items.id", contains(id)));
        as("owner")
                .body("{\"to\":\"reached_out\",\"note\":\"They are back\"}")
                .post("/api/partners/" + id + "/stage-transitions")
                .then()
                .statusCode(200)
                .body("needsReview", equalTo(false));
    }

    @Test
    void anUnverifiedReferralFlagsNobodyAndMakesNoCandidateUntilThePracticeConfirmsIt() throws Exception {
        String id = as("owner")
                .body(
                        "{\"name\":\"Matched Former\",\"email\":\"matched.former@example.com\",\"category\":\"professional\"}")
                .post("/api/partners")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as("owner")
                .body("{\"to\":\"ended\",\"reason\":\"Retired\"}")
                .post("/api/partners/" + id + "/stage-transitions")
                .then()
                .statusCode(200);
        UUID referralId = UUID.randomUUID();
        CloudEvent unverified = EventCodec.wrap(
                EventTypes.REFERRAL_RECEIVED,
                "/referral-service",
                tenant,
                referralId.toString(),
                new ReferralReceived(
                        referralId,
                        new Referrer(null, "Matched Former", null),
                        null,
                        Consent.NONE,
                        Instant.now(),
                        ReferralChannel.INTAKE_LINK,
                        null,
                        ReferralReceived.UNVERIFIED));
        kafka.send(Topics.REFERRAL_EVENTS, unverified);
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(unverified.id()));
        as("viewer").get("/api/partners?needsReview=true").then().body("total", equalTo(0));
        as("viewer").get("/api/partners?candidate=true").then().body("total", equalTo(0));

        kafka.send(
                Topics.REFERRAL_EVENTS,
                EventCodec.wrap(
                        EventTypes.REFERRAL_ATTRIBUTED,
                        "/referral-service",
                        tenant,
                        referralId.toString(),
                        new ReferralAttributed(
                                referralId,
                                new Referrer(UUID.fromString(id), "Matched Former", "matched.former@example.com"),
                                Instant.now())));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> as("viewer")
                        .get("/api/partners?needsReview=true")
                        .then()
                        .body("items.id", contains(id)));
        as("viewer").get("/api/partners?candidate=true").then().body("total", equalTo(0));
    }

    private boolean processed(String eventId) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select count(*) from partner.processed_event where event_id = ?")) {
            select.setString(1, eventId);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getInt(1) == 1;
            }
        }
    }

    @Test
    void aMalformedReferralEventIsDeadLettered() {
        String poison = "poison-" + UUID.randomUUID();
        kafka.send(Topics.REFERRAL_EVENTS, poison, "{\"specversion\":\"1.0\"}");
        var dead = kafka.readUntil(
                Topics.deadLetter("partner-service"),
                Duration.ofSeconds(30),
                records -> records.stream().anyMatch(r -> poison.equals(r.key())));
        assertTrue(dead.stream().anyMatch(r -> poison.equals(r.key())));
    }
}
