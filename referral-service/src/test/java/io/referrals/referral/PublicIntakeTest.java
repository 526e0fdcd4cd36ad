package io.referrals.referral;

import static io.referrals.referral.Fixtures.as;
import static io.referrals.referral.Fixtures.kafka;
import static io.referrals.referral.Fixtures.knownPartner;
import static io.referrals.referral.Fixtures.referralBody;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import db.migration.V8__encrypt_intake_signing_secrets;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.events.CloudEvent;
import io.referrals.events.Compensation;
import io.referrals.events.CompensationType;
import io.referrals.events.EventCodec;
import io.referrals.events.EventTypes;
import io.referrals.events.Topics;
import io.referrals.events.partner.AgreementActivated;
import io.referrals.events.referral.ReferralAttributed;
import io.referrals.events.referral.ReferralReceived;
import io.referrals.testing.CapturedLog;
import io.referrals.testing.PlatformTestResource;
import io.referrals.testing.TestClock;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;

/** The public intake as an attacker holding a link would try it (issue 10). */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class PublicIntakeTest {
    private final String tenant = "practice-" + UUID.randomUUID();

    @Inject
    TestClock clock;

    @Inject
    EntityManager entityManager;

    @Inject
    AgroalDataSource dataSource;

    private static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON);
    }

    private Response createLink(String body) {
        return as(tenant, "owner").body(body).post("/api/intake-links");
    }

    private String token(String body) {
        return createLink(body).then().statusCode(201).extract().path("token");
    }

    private static String fromReferrer(String referrerEmail, String name, String email) {
        return """
                {"referrer":{"name":"Web Form","email":"%s"},"referred":{"name":"%s","email":"%s"}}""".formatted(referrerEmail, name, email);
    }

    @Test
    void theReceiptIsTheSameWhetherOrNotThePersonOrTheReferrerIsKnown() {
        knownPartner(tenant, "Dana Lee");
        as(tenant, "owner")
                .body(referralBody(knownPartner(tenant, "Lee Other"), "Known Person", "known.person@example.com"))
                .post("/api/referrals")
                .then()
                .statusCode(201);
        String token = token("{\"name\":\"Website form\"}");

        Response known = anonymous()
                .body(fromReferrer("dana.lee@example.com", "Known Again", "known.person@example.com"))
                .post("/api/intake/" + token);
        Response unknown = anonymous()
                .body(fromReferrer("nobody@example.com", "Someone New", "someone.new@example.com"))
                .post("/api/intake/" + token);
        for (Response answer : List.of(known, unknown)) {
            answer.then().statusCode(201).contentType(ContentType.JSON).body("status", equalTo("received"));
            Map<String, Object> body = answer.jsonPath().getMap("");
            // The same keys whoever it names (bookingLink: the practice's, null without a booking integration).
            assertEquals(List.of("id", "status", "bookingLink"), List.copyOf(body.keySet()), answer.asString());
        }
        // The practice still sees the duplicate and the match.
        as(tenant, "viewer")
                .get("/api/referrals/" + known.path("id"))
                .then()
                .statusCode(200)
                .body("possibleDuplicateOf", notNullValue())
                .body("referrerName", equalTo("Dana Lee"))
                .body("attribution", equalTo("unverified"));
    }

    @Test
    void publicIntakeIgnoresPartnerId() {
        UUID partnerId = knownPartner(tenant, "Dana Lee");
        String token = token("{\"name\":\"Website form\"}");
        String id = anonymous()
                .body("{\"partnerId\":\"" + partnerId + "\",\"referrer\":{\"name\":\"Pat Claim\"},"
                        + "\"referred\":{\"name\":\"Claimed\",\"email\":\"claimed@example.com\"}}")
                .post("/api/intake/" + token)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(tenant, "viewer")
                .get("/api/referrals/" + id)
                .then()
                .body("partnerId", not(equalTo(partnerId.toString())))
                .body("referrerName", equalTo("Pat Claim"))
                .body("attribution", equalTo("verified"));
        anonymous()
                .body(referralBody(partnerId, "Only Partner", "only.partner@example.com"))
                .post("/api/intake/" + token)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("referrer"));
        as(tenant, "viewer")
                .get("/api/referrals?partnerId=" + partnerId + "&size=200")
                .then()
                .body(
                        "items.findAll { it.referred.name == 'Claimed' || it.referred.name == 'Only Partner' }.size()",
                        equalTo(0));
    }

    @Test
    void anUnverifiedReferralCreditsNoPartnerOnTheTopicUntilThePracticeConfirmsIt() {
        UUID partnerId = knownPartner(tenant, "Dana Lee");
        String token = token("{\"name\":\"Website form\"}");
        String confirmed = intakeAs("dana.lee@example.com", "Credit Later", token);
        String rejected = intakeAs("dana.lee@example.com", "Credit Never", token);
        convert(confirmed);

        // Received, status changed and converted: none of them names the matched partner.
        List<CloudEvent> before = kafka().eventsFor(Topics.REFERRAL_EVENTS, confirmed, 3, Duration.ofSeconds(30));
        ReferralReceived received = EventCodec.data(before.get(0), EventTypes.REFERRAL_RECEIVED);
        assertEquals(ReferralReceived.UNVERIFIED, received.attribution());
        assertNull(received.referrer().partnerId());
        assertNull(received.referrer().email());
        assertTrue(received.unverified());
        assertNull(EventCodec.data(before.get(1), EventTypes.REFERRAL_STATUS_CHANGED)
                .partnerId());
        assertNull(EventCodec.data(before.get(2), EventTypes.REFERRAL_CONVERTED).partnerId());

        as(tenant, "owner")
                .body("{\"decision\":\"confirmed\"}")
                .put("/api/referrals/" + confirmed + "/attribution")
                .then()
                .statusCode(200);
        CloudEvent attributedEvent = kafka().eventsFor(Topics.REFERRAL_EVENTS, confirmed, 4, Duration.ofSeconds(30))
                .get(3);
        assertEquals(EventTypes.REFERRAL_ATTRIBUTED.cloudEventType(), attributedEvent.type());
        ReferralAttributed attributed = EventCodec.data(attributedEvent, EventTypes.REFERRAL_ATTRIBUTED);
        assertEquals(UUID.fromString(confirmed), attributed.referralId());
        assertEquals(partnerId, attributed.referrer().partnerId());
        assertEquals("dana.lee@example.com", attributed.referrer().email());

        // A rejected attribution announces nothing, and what follows still credits nobody.
        as(tenant, "owner")
                .body("{\"decision\":\"rejected\"}")
                .put("/api/referrals/" + rejected + "/attribution")
                .then()
                .statusCode(200);
        convert(rejected);
        List<CloudEvent> afterRejection =
                kafka().eventsFor(Topics.REFERRAL_EVENTS, rejected, 3, Duration.ofSeconds(30));
        assertEquals(
                List.of(
                        EventTypes.REFERRAL_RECEIVED.cloudEventType(),
                        EventTypes.REFERRAL_STATUS_CHANGED.cloudEventType(),
                        EventTypes.REFERRAL_CONVERTED.cloudEventType()),
                afterRejection.stream().map(CloudEvent::type).toList());
        assertNull(EventCodec.data(afterRejection.get(2), EventTypes.REFERRAL_CONVERTED)
                .partnerId());
    }

    @Test
    void aReferrerMatchedByEmailOwesNoFeeUntilThePracticeConfirms() {
        UUID partnerId = knownPartner(tenant, "Dana Lee");
        activateFeeAgreement(partnerId);
        String token = token("{\"name\":\"Website form\"}");
        String confirmed = intakeAs("dana.lee@example.com", "To Confirm", token);
        String rejected = intakeAs("dana.lee@example.com", "To Reject", token);

        as(tenant, "viewer")
                .get("/api/referrals?attribution=unverified&size=200")
                .then()
                .statusCode(200)
                .body("items.id", org.hamcrest.Matchers.containsInAnyOrder(confirmed, rejected));
        convert(confirmed);
        convert(rejected);
        assertEquals(0, feesOn(confirmed), "no fee on an unverified attribution");
        assertEquals(0, feesOn(rejected));

        as(tenant, "viewer")
                .body("{\"decision\":\"confirmed\"}")
                .put("/api/referrals/" + confirmed + "/attribution")
                .then()
                .statusCode(403);
        as(tenant, "member")
                .body("{\"decision\":\"confirmed\"}")
                .put("/api/referrals/" + confirmed + "/attribution")
                .then()
                .statusCode(200)
                .body("attribution", equalTo("confirmed"));
        as(tenant, "owner")
                .body("{\"decision\":\"rejected\"}")
                .put("/api/referrals/" + rejected + "/attribution")
                .then()
                .statusCode(200)
                .body("attribution", equalTo("rejected"));
        as(tenant, "owner")
                .body("{\"decision\":\"confirmed\"}")
                .put("/api/referrals/" + rejected + "/attribution")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("attribution-decided"));
        as(tenant, "owner")
                .body("{\"decision\":\"maybe\"}")
                .put("/api/referrals/" + confirmed + "/attribution")
                .then()
                .statusCode(400);
        as("practice-" + UUID.randomUUID(), "owner")
                .body("{\"decision\":\"confirmed\"}")
                .put("/api/referrals/" + rejected + "/attribution")
                .then()
                .statusCode(404);

        as(tenant, "viewer")
                .get("/api/rewards?referralId=" + confirmed)
                .then()
                .body("items.size()", equalTo(1))
                .body("items[0].amount", equalTo("150.00"));
        assertEquals(0, feesOn(rejected));
    }

    @Test
    void aSignedRequestIsAcceptedOnceByItsWebhookId() {
        Response created = createLink("{\"name\":\"Signed\",\"signed\":true}");
        String token = created.path("token");
        String secret = created.path("signingSecret");
        String body = fromReferrer("form@example.com", "Signed Once", "signed.once@example.com");
        String now = String.valueOf(Instant.now().getEpochSecond());
        String signature = sign(secret, "msg_replay", now, body.getBytes(StandardCharsets.UTF_8));

        String id = signed("msg_replay", now, signature)
                .body(body)
                .post("/api/intake/" + token)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        // A captured request replayed as is: the first answer, nothing new.
        signed("msg_replay", now, signature)
                .body(body)
                .post("/api/intake/" + token)
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(id));
        // Replayed under an Idempotency-Key of the attacker's choosing (the header is not signed): refused.
        signed("msg_replay", now, signature)
                .header("Idempotency-Key", "fresh-key")
                .body(body)
                .post("/api/intake/" + token)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("webhook-replayed"));
        as(tenant, "viewer")
                .get("/api/referrals?size=200")
                .then()
                .body("items.findAll { it.referred.name == 'Signed Once' }.size()", equalTo(1));
    }

    @Test
    void theSignatureIsCheckedOverTheRawBytesBeforeTheRateLimitCounts() {
        Response created = createLink("{\"name\":\"Signed\",\"signed\":true,\"rateLimitPerMinute\":2}");
        String token = created.path("token");
        String secret = created.path("signingSecret");
        Instant minute = Instant.now()
                .truncatedTo(ChronoUnit.MINUTES)
                .plus(Duration.ofDays(3))
                .plusSeconds(5);
        clock.set(minute);
        try {
            String now = String.valueOf(minute.getEpochSecond());
            String body = fromReferrer("form@example.com", "Quota Kept", "quota@example.com");
            for (int i = 0; i < 2; i++) {
                signed("forged_" + i, now, "v1,bm9wZQ==")
                        .body(body)
                        .post("/api/intake/" + token)
                        .then()
                        .statusCode(401);
            }
            // Failures are counted apart: past the limit they are refused, still without using the quota.
            signed("forged_3", now, "v1,bm9wZQ==")
                    .body(body)
                    .post("/api/intake/" + token)
                    .then()
                    .statusCode(429)
                    .header("Retry-After", notNullValue());
            for (int i = 0; i < 2; i++) {
                String text = body.replace("quota@", "quota" + i + "@");
                signed("genuine_" + i, now, sign(secret, "genuine_" + i, now, text.getBytes(StandardCharsets.UTF_8)))
                        .body(text)
                        .post("/api/intake/" + token)
                        .then()
                        .statusCode(201);
            }
            String third = body.replace("quota@", "quota3@");
            signed("genuine_3", now, sign(secret, "genuine_3", now, third.getBytes(StandardCharsets.UTF_8)))
                    .body(third)
                    .post("/api/intake/" + token)
                    .then()
                    .statusCode(429);

            // Bytes that are not valid UTF-8 are signed as sent: the signature holds, the body is then a 400.
            clock.set(minute.plus(Duration.ofMinutes(1)));
            String later = String.valueOf(minute.plus(Duration.ofMinutes(1)).getEpochSecond());
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            raw.writeBytes("{\"referrer\":{\"name\":\"Caf".getBytes(StandardCharsets.UTF_8));
            raw.write(0xE9); // é in ISO-8859-1
            raw.writeBytes(("\"},\"referred\":{\"name\":\"Raw\",\"email\":\"raw@example.com\"}}")
                    .getBytes(StandardCharsets.UTF_8));
            byte[] bytes = raw.toByteArray();
            signed("raw_1", later, sign(secret, "raw_1", later, bytes))
                    .body(bytes)
                    .post("/api/intake/" + token)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        } finally {
            clock.reset();
        }
    }

    @Test
    void aLinkHasADailyCap() {
        String token = token("{\"name\":\"Capped\",\"dailyCap\":2}");
        Instant day = Instant.now()
                .truncatedTo(ChronoUnit.DAYS)
                .plus(Duration.ofDays(5))
                .plusSeconds(3600);
        clock.set(day);
        try {
            for (int i = 0; i < 2; i++) {
                clock.set(day.plus(Duration.ofMinutes(i)));
                anonymous()
                        .body(fromReferrer("form@example.com", "Cap " + i, "cap" + i + "@example.com"))
                        .post("/api/intake/" + token)
                        .then()
                        .statusCode(201);
            }
            clock.set(day.plus(Duration.ofMinutes(5)));
            String retryAfter = anonymous()
                    .body(fromReferrer("form@example.com", "Cap Over", "capover@example.com"))
                    .post("/api/intake/" + token)
                    .then()
                    .statusCode(429)
                    .contentType("application/problem+json")
                    .extract()
                    .header("Retry-After");
            long seconds = Long.parseLong(retryAfter);
            assertTrue(seconds > 60 && seconds <= 86_400, "Retry-After " + seconds);
            clock.set(day.plus(Duration.ofDays(1)));
            anonymous()
                    .body(fromReferrer("form@example.com", "Next Day", "nextday@example.com"))
                    .post("/api/intake/" + token)
                    .then()
                    .statusCode(201);
        } finally {
            clock.reset();
        }
        createLink("{\"name\":\"Bad cap\",\"dailyCap\":0}")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("dailyCap"));
    }

    @Test
    void oneClientAddressIsLimitedWhateverTheToken() {
        Instant minute = Instant.now()
                .truncatedTo(ChronoUnit.MINUTES)
                .plus(Duration.ofDays(7))
                .plusSeconds(5);
        clock.set(minute);
        try {
            for (int i = 0; i < 120; i++) {
                anonymous().body("{}").post("/api/intake/il_guess" + i).then().statusCode(404);
            }
            anonymous()
                    .body("{}")
                    .post("/api/intake/il_guess_more")
                    .then()
                    .statusCode(429)
                    .contentType("application/problem+json")
                    .header("Retry-After", notNullValue());
        } finally {
            clock.reset();
        }
    }

    /**
     * The per-address count lives in PostgreSQL, shared by every replica (issue 26): another replica's requests from
     * the same client in the same minute count here too, and at the combined limit this replica refuses.
     */
    @Test
    void theAddressLimitCountsTheRequestsOfEveryReplica() {
        Instant minute = Instant.now()
                .truncatedTo(ChronoUnit.MINUTES)
                .plus(Duration.ofDays(9))
                .plusSeconds(5);
        clock.set(minute);
        try {
            anonymous().body("{}").post("/api/intake/il_replica_a").then().statusCode(404);
            // This replica's request is counted in PostgreSQL under the client's key and this minute.
            List<?> rows = QuarkusTransaction.requiringNew()
                    .call(() -> entityManager
                            .createNativeQuery(
                                    "select address_key, requests from intake_address_window where window_start = ?1")
                            .setParameter(1, minute.truncatedTo(ChronoUnit.MINUTES))
                            .getResultList());
            assertEquals(1, rows.size(), "one count for this minute, in PostgreSQL");
            Object[] row = (Object[]) rows.get(0);
            String key = (String) row[0];
            assertEquals(1, ((Number) row[1]).intValue());
            // Another replica served the same client 118 requests this minute, through the same table.
            QuarkusTransaction.requiringNew()
                    .run(() -> entityManager
                            .createNativeQuery("update intake_address_window set requests = requests + 118"
                                    + " where window_start = ?1 and address_key = ?2")
                            .setParameter(1, minute.truncatedTo(ChronoUnit.MINUTES))
                            .setParameter(2, key)
                            .executeUpdate());
            // The 120th request of the minute is still allowed, the 121st is refused here.
            anonymous().body("{}").post("/api/intake/il_replica_b").then().statusCode(404);
            String retryAfter = anonymous()
                    .body("{}")
                    .post("/api/intake/il_replica_c")
                    .then()
                    .statusCode(429)
                    .contentType("application/problem+json")
                    .body("status", equalTo(429))
                    .body("instance", equalTo("/api/intake/{token}"))
                    .extract()
                    .header("Retry-After");
            assertEquals(56, Long.parseLong(retryAfter), "the seconds to the next minute (rounded up, and one)");
        } finally {
            clock.reset();
        }
    }

    @Test
    void theTokenIsNeverEchoedNorLogged() {
        Response created = createLink("{\"name\":\"Signed\",\"signed\":true}");
        String token = created.path("token");
        String id = created.path("id");
        String unknown = "il_" + UUID.randomUUID();
        for (String path : List.of("/api/intake/" + unknown, "/api/intake/" + token)) {
            anonymous()
                    .body("{\"referred\":")
                    .post(path)
                    .then()
                    .statusCode(path.contains(unknown) ? 404 : 401)
                    .body("instance", equalTo("/api/intake/{token}"));
        }
        // A 500 on the intake path (a signing secret that no longer decrypts) logs the path without the token.
        QuarkusTransaction.requiringNew()
                .run(() -> entityManager
                        .createNativeQuery("update intake_link set signing_secret = 'gcm1:00000000:AAAA' where id = ?1")
                        .setParameter(1, UUID.fromString(id))
                        .executeUpdate());
        List<String> logged;
        try (CapturedLog captured = CapturedLog.start()) {
            String now = String.valueOf(Instant.now().getEpochSecond());
            signed("msg_500", now, "v1,bm9wZQ==")
                    .body(fromReferrer("form@example.com", "Boom", "boom@example.com"))
                    .post("/api/intake/" + token)
                    .then()
                    .statusCode(500)
                    .body("instance", equalTo("/api/intake/{token}"));
            logged = captured.lines();
        }
        assertFalse(logged.isEmpty(), "the 500 was logged");
        assertTrue(logged.stream().noneMatch(line -> line.contains(token)), logged.toString());
        assertTrue(logged.stream().anyMatch(line -> line.contains("/api/intake/{token}")), logged.toString());
    }

    @Test
    void signingSecretsAreStoredEncrypted() {
        Response created = createLink("{\"name\":\"Signed\",\"signed\":true}");
        String secret = created.path("signingSecret");
        String stored = QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                .createNativeQuery("select signing_secret from intake_link where id = ?1")
                .setParameter(1, UUID.fromString(created.path("id")))
                .getSingleResult());
        assertTrue(stored.startsWith("gcm1:"), stored);
        assertFalse(stored.contains(secret.substring("whsec_".length())), stored);
        assertNotEquals(secret, stored);
        // And it still verifies signatures.
        String body = fromReferrer("form@example.com", "Encrypted Ok", "enc@example.com");
        String now = String.valueOf(Instant.now().getEpochSecond());
        signed("msg_enc", now, sign(secret, "msg_enc", now, body.getBytes(StandardCharsets.UTF_8)))
                .body(body)
                .post("/api/intake/" + created.path("token"))
                .then()
                .statusCode(201);
    }

    @Test
    void theMigrationEncryptsSecretsStoredInPlainText() throws Exception {
        Response created = createLink("{\"name\":\"Legacy\",\"signed\":true}");
        String secret = created.path("signingSecret");
        UUID id = UUID.fromString(created.path("id"));
        // As stored before V8: the secret itself.
        QuarkusTransaction.requiringNew()
                .run(() -> entityManager
                        .createNativeQuery("update intake_link set signing_secret = ?1 where id = ?2")
                        .setParameter(1, secret)
                        .setParameter(2, id)
                        .executeUpdate());
        try (Connection connection = dataSource.getConnection()) {
            connection.setSchema("referral");
            new V8__encrypt_intake_signing_secrets().migrate(new Context() {
                @Override
                public Configuration getConfiguration() {
                    return null;
                }

                @Override
                public Connection getConnection() {
                    return connection;
                }
            });
        }
        String stored = QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                .createNativeQuery("select signing_secret from intake_link where id = ?1")
                .setParameter(1, id)
                .getSingleResult());
        assertTrue(stored.startsWith("gcm1:"), stored);
        String body = fromReferrer("form@example.com", "Legacy Ok", "legacy@example.com");
        String now = String.valueOf(Instant.now().getEpochSecond());
        signed("msg_legacy", now, sign(secret, "msg_legacy", now, body.getBytes(StandardCharsets.UTF_8)))
                .body(body)
                .post("/api/intake/" + created.path("token"))
                .then()
                .statusCode(201);
    }

    private String intakeAs(String referrerEmail, String name, String token) {
        return anonymous()
                .body(fromReferrer(referrerEmail, name, name.toLowerCase().replace(' ', '.') + "@example.com"))
                .post("/api/intake/" + token)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private void activateFeeAgreement(UUID partnerId) {
        CloudEvent event = EventCodec.wrap(
                EventTypes.AGREEMENT_ACTIVATED,
                "/partner-service",
                tenant,
                partnerId.toString(),
                new AgreementActivated(
                        UUID.randomUUID(),
                        partnerId,
                        "incentivized",
                        "reciprocal",
                        new Compensation(CompensationType.REFERRAL_FEE_PERCENT, new BigDecimal("15"), null),
                        true,
                        LocalDate.now().minusDays(1),
                        null,
                        null,
                        Instant.now().minus(Duration.ofHours(1))));
        kafka().send(Topics.PARTNER_EVENTS, event);
        awaitProcessed(event.id());
    }

    private void convert(String referralId) {
        as(tenant, "member")
                .body("{\"programValue\":\"1000.00\",\"currency\":\"USD\"}")
                .post("/api/referrals/" + referralId + "/conversion")
                .then()
                .statusCode(200);
        String eventId = QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                .createNativeQuery(
                        "select cast(id as varchar) from outbox_event where event_key = ?1 and event_type = ?2")
                .setParameter(1, referralId)
                .setParameter(2, EventTypes.REFERRAL_CONVERTED.cloudEventType())
                .getSingleResult());
        awaitProcessed(eventId);
    }

    private void awaitProcessed(String eventId) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> QuarkusTransaction.requiringNew()
                        .call(() -> ((Number) entityManager
                                                .createNativeQuery(
                                                        "select count(*) from processed_event where event_id = ?1")
                                                .setParameter(1, eventId)
                                                .getSingleResult())
                                        .intValue()
                                == 1));
    }

    private int feesOn(String referralId) {
        return as(tenant, "viewer")
                .get("/api/rewards?referralId=" + referralId)
                .then()
                .statusCode(200)
                .extract()
                .path("items.size()");
    }

    private static RequestSpecification signed(String id, String timestamp, String signature) {
        return anonymous().headers("webhook-id", id, "webhook-timestamp", timestamp, "webhook-signature", signature);
    }

    private static String sign(String secret, String id, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
