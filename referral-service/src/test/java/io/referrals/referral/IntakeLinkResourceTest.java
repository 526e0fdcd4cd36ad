package io.referrals.referral;

import static io.referrals.referral.Fixtures.as;
import static io.referrals.referral.Fixtures.knownPartner;
import static io.referrals.referral.Fixtures.referralBody;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.events.EventCodec;
import io.referrals.events.EventTypes;
import io.referrals.events.ReferralChannel;
import io.referrals.events.Topics;
import io.referrals.testing.KafkaTestClient;
import io.referrals.testing.PlatformTestResource;
import io.referrals.testing.TestClock;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class IntakeLinkResourceTest {
    private final String tenant = "practice-" + UUID.randomUUID();

    @Inject
    TestClock clock;

    private UUID partnerId;

    @BeforeEach
    void partnerKnownFromEvents() {
        partnerId = knownPartner(tenant, "Dana Lee");
    }

    private static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON);
    }

    private Response createLink(String body) {
        return as(tenant, "owner").body(body).post("/api/intake-links");
    }

    private static String referred(String name, String email) {
        return """
                {"referrer":{"name":"Web Form","email":"form@example.com"},"referred":{"name":"%s","email":"%s"}}""".formatted(name, email);
    }

    @Test
    void linkLifecycleShowsTheTokenOnceRotatesAndRevokes() {
        Response created = createLink("{\"name\":\"Website form\"}");
        created.then()
                .statusCode(201)
                .header("Location", matchesPattern(".*/api/intake-links/[0-9a-f-]{36}"))
                .body("name", equalTo("Website form"))
                .body("signed", equalTo(false))
                .body("rateLimitPerMinute", equalTo(60))
                .body("token", matchesPattern("^il_[A-Za-z0-9_-]{43}$"))
                .body("signingSecret", nullValue());
        String id = created.path("id");
        String token = created.path("token");

        as(tenant, "viewer")
                .get("/api/intake-links")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(id))
                .body("items[0].token", nullValue())
                .body("items[0].signingSecret", nullValue());
        as(tenant, "viewer")
                .get("/api/intake-links/" + id)
                .then()
                .statusCode(200)
                .body("token", nullValue())
                .body("revokedAt", nullValue());

        anonymous()
                .body(referred("Sam Rivera", "sam@example.com"))
                .post("/api/intake/" + token)
                .then()
                .statusCode(201)
                .body("status", equalTo("received"));

        String rotated = as(tenant, "member")
                .post("/api/intake-links/" + id + "/rotate")
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("rotatedAt", notNullValue())
                .extract()
                .path("token");
        assertNotEquals(token, rotated);
        anonymous()
                .body(referred("Old Token", "old@example.com"))
                .post("/api/intake/" + token)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", not(containsString(token)));
        anonymous()
                .body(referred("New Token", "new@example.com"))
                .post("/api/intake/" + rotated)
                .then()
                .statusCode(201);

        as(tenant, "owner").delete("/api/intake-links/" + id).then().statusCode(204);
        as(tenant, "owner").delete("/api/intake-links/" + id).then().statusCode(204);
        as(tenant, "viewer")
                .get("/api/intake-links/" + id)
                .then()
                .statusCode(200)
                .body("revokedAt", notNullValue());
        anonymous()
                .body(referred("After Revoke", "after@example.com"))
                .post("/api/intake/" + rotated)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        as(tenant, "owner").post("/api/intake-links/" + id + "/rotate").then().statusCode(409);
        anonymous()
                .body(referred("Nobody", "nobody@example.com"))
                .post("/api/intake/il_doesnotexist")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");

        as(tenant, "viewer")
                .get("/api/referrals?size=200")
                .then()
                .body("items.findAll { it.referred.name == 'Sam Rivera' }.size()", equalTo(1))
                .body("items.findAll { it.referred.name == 'New Token' }.size()", equalTo(1))
                .body("items.findAll { it.referred.name == 'Old Token' }.size()", equalTo(0))
                .body("items.findAll { it.referred.name == 'After Revoke' }.size()", equalTo(0));
    }

    @Test
    void unsignedIntakeIsIdempotent() {
        String token = createLink("{\"name\":\"Zap\"}")
                .then()
                .statusCode(201)
                .extract()
                .path("token");
        String body = referred("Robin Park", "robin@example.com");
        String id = anonymous()
                .header("Idempotency-Key", "zap-1")
                .body(body)
                .post("/api/intake/" + token)
                .then()
                .statusCode(201)
                .contentType(ContentType.JSON)
                .header("Location", matchesPattern(".*/api/referrals/[0-9a-f-]{36}$"))
                .body("status", equalTo("received"))
                .extract()
                .path("id");
        as(tenant, "viewer").get("/api/referrals/" + id).then().body("referrerName", equalTo("Web Form"));
        anonymous()
                .header("Idempotency-Key", "zap-1")
                .body(body)
                .post("/api/intake/" + token)
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(id))
                .header("Location", endsWith("/api/referrals/" + id));
        as(tenant, "viewer")
                .get("/api/referrals?size=200")
                .then()
                .body("items.findAll { it.referred.name == 'Robin Park' }.size()", equalTo(1));
        anonymous()
                .header("Idempotency-Key", "zap-1")
                .body(referred("Other Person", "other@example.com"))
                .post("/api/intake/" + token)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", endsWith("idempotency-key-reused"));
        // The same key on the API is another request: keys are kept per intake link.
        as(tenant, "owner")
                .header("Idempotency-Key", "zap-1")
                .body(referralBody(partnerId, "Api", "api@example.com"))
                .post("/api/referrals")
                .then()
                .statusCode(201)
                .body("id", not(equalTo(id)));
    }

    @Test
    void aLinkBoundToAPartnerRecordsTheirReferrals() {
        UUID other = knownPartner(tenant, "Lee Other");
        String token = createLink("{\"name\":\"Dana's link\",\"partnerId\":\"" + partnerId + "\"}")
                .then()
                .statusCode(201)
                .body("partnerId", equalTo(partnerId.toString()))
                .extract()
                .path("token");
        String viaLink = anonymous()
                .body("{\"referred\":{\"name\":\"Bound One\",\"phone\":\"+1 555 0111\"}}")
                .post("/api/intake/" + token)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(tenant, "viewer")
                .get("/api/referrals/" + viaLink)
                .then()
                .body("partnerId", equalTo(partnerId.toString()))
                .body("referrerName", equalTo("Dana Lee"))
                .body("attribution", equalTo("verified"));
        var receipt = new KafkaTestClient(PlatformTestResource.bootstrapServers())
                .eventsFor(Topics.REFERRAL_EVENTS, viaLink, 1, Duration.ofSeconds(30))
                .get(0);
        assertEquals(
                ReferralChannel.INTAKE_LINK,
                EventCodec.data(receipt, EventTypes.REFERRAL_RECEIVED).channel());
        anonymous()
                .body(referralBody(partnerId, "Bound Two", "b2@example.com"))
                .post("/api/intake/" + token)
                .then()
                .statusCode(201);
        anonymous()
                .body(referralBody(other, "Bound Three", "b3@example.com"))
                .post("/api/intake/" + token)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("partnerId"));
        anonymous()
                .body(referred("Bound Four", "b4@example.com"))
                .post("/api/intake/" + token)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("referrer"));

        createLink("{\"name\":\"Ghost\",\"partnerId\":\"" + UUID.randomUUID() + "\"}")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", endsWith("unknown-partner"));
        createLink("{\"name\":\"\",\"rateLimitPerMinute\":601}")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("rateLimitPerMinute"));
    }

    @Test
    void signedLinksRequireAFreshValidSignature() {
        Response created = createLink("{\"name\":\"Signed\",\"signed\":true}");
        created.then().statusCode(201).body("signed", equalTo(true)).body("signingSecret", startsWith("whsec_"));
        String token = created.path("token");
        String secret = created.path("signingSecret");
        String body = referred("Signed Person", "signed@example.com");
        String now = String.valueOf(Instant.now().getEpochSecond());

        anonymous()
                .headers(
                        "webhook-id",
                        "msg_1",
                        "webhook-timestamp",
                        now,
                        "webhook-signature",
                        "v1,bm9wZQ== " + sign(secret, "msg_1", now, body))
                .body(body)
                .post("/api/intake/" + token)
                .then()
                .statusCode(201);

        anonymous()
                .body(referred("Unsigned", "u@example.com"))
                .post("/api/intake/" + token)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("type", endsWith("signature-missing"));
        anonymous()
                .headers("webhook-id", "msg_2", "webhook-timestamp", now)
                .body(referred("No Sig", "ns@example.com"))
                .post("/api/intake/" + token)
                .then()
                .statusCode(401)
                .body("type", endsWith("signature-missing"));
        anonymous()
                .headers(
                        "webhook-id",
                        "msg_3",
                        "webhook-timestamp",
                        now,
                        "webhook-signature",
                        sign(secret, "msg_3", now, body))
                .body(body.replace("Signed Person", "Tampered"))
                .post("/api/intake/" + token)
                .then()
                .statusCode(401)
                .body("type", endsWith("signature-invalid"));
        anonymous()
                .headers(
                        "webhook-id",
                        "msg_4",
                        "webhook-timestamp",
                        now,
                        "webhook-signature",
                        sign("whsec_" + Base64.getEncoder().encodeToString(new byte[32]), "msg_4", now, body))
                .body(body)
                .post("/api/intake/" + token)
                .then()
                .statusCode(401)
                .body("type", endsWith("signature-invalid"));
        String stale = String.valueOf(Instant.now().minusSeconds(6 * 60).getEpochSecond());
        anonymous()
                .headers(
                        "webhook-id",
                        "msg_5",
                        "webhook-timestamp",
                        stale,
                        "webhook-signature",
                        sign(secret, "msg_5", stale, body))
                .body(body)
                .post("/api/intake/" + token)
                .then()
                .statusCode(401)
                .body("type", endsWith("signature-stale"));
        String future = String.valueOf(Instant.now().plusSeconds(6 * 60).getEpochSecond());
        anonymous()
                .headers(
                        "webhook-id",
                        "msg_6",
                        "webhook-timestamp",
                        future,
                        "webhook-signature",
                        sign(secret, "msg_6", future, body))
                .body(body)
                .post("/api/intake/" + token)
                .then()
                .statusCode(401)
                .body("type", endsWith("signature-stale"));

        as(tenant, "viewer")
                .get("/api/referrals?size=200")
                .then()
                .body("items.findAll { it.referred.name == 'Signed Person' }.size()", equalTo(1))
                .body("items.findAll { it.referred.name == 'Tampered' }.size()", equalTo(0));
    }

    @Test
    void rateLimitedPerLinkWithRetryAfter() {
        String token = createLink("{\"name\":\"Tight\",\"rateLimitPerMinute\":2}")
                .then()
                .statusCode(201)
                .extract()
                .path("token");
        String other = createLink("{\"name\":\"Other\",\"rateLimitPerMinute\":2}")
                .then()
                .statusCode(201)
                .extract()
                .path("token");
        // All three requests fall into one clock-minute window: the clock stands still ten seconds into a minute.
        clock.set(Instant.now().truncatedTo(ChronoUnit.MINUTES).plusSeconds(10));
        try {
            anonymous()
                    .body(referred("Rate One", "r1@example.com"))
                    .post("/api/intake/" + token)
                    .then()
                    .statusCode(201);
            anonymous()
                    .body(referred("Rate Two", "r2@example.com"))
                    .post("/api/intake/" + token)
                    .then()
                    .statusCode(201);
            String retryAfter = anonymous()
                    .body(referred("Rate Three", "r3@example.com"))
                    .post("/api/intake/" + token)
                    .then()
                    .statusCode(429)
                    .contentType("application/problem+json")
                    .header("Retry-After", notNullValue())
                    .extract()
                    .header("Retry-After");
            int seconds = Integer.parseInt(retryAfter);
            assertTrue(seconds >= 1 && seconds <= 60, "Retry-After " + seconds);
            anonymous()
                    .body(referred("Other Link", "ol@example.com"))
                    .post("/api/intake/" + other)
                    .then()
                    .statusCode(201);
        } finally {
            clock.reset();
        }
        as(tenant, "viewer")
                .get("/api/referrals?size=200")
                .then()
                .body("items.findAll { it.referred.name == 'Rate Three' }.size()", equalTo(0));
    }

    @Test
    void duplicatesAreFlaggedOnBothChannelsNeverDropped() {
        String first = as(tenant, "owner")
                .body(referralBody(partnerId, "Casey", "Casey.Dup@Example.com"))
                .post("/api/referrals")
                .then()
                .statusCode(201)
                .body("possibleDuplicateOf", nullValue())
                .extract()
                .path("id");
        String again = as(tenant, "owner")
                .body(referralBody(partnerId, "Casey Again", "casey.dup@example.com"))
                .post("/api/referrals")
                .then()
                .statusCode(201)
                .body("possibleDuplicateOf", equalTo(first))
                .extract()
                .path("id");
        as(tenant, "viewer").get("/api/referrals/" + again).then().body("possibleDuplicateOf", equalTo(first));

        String token = createLink("{\"name\":\"Form\"}")
                .then()
                .statusCode(201)
                .extract()
                .path("token");
        String viaForm = anonymous()
                .body(referred("Casey Form", "CASEY.DUP@example.com"))
                .post("/api/intake/" + token)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(tenant, "viewer").get("/api/referrals/" + viaForm).then().body("possibleDuplicateOf", equalTo(again));

        String byPhone = anonymous()
                .body("""
                {"referrer":{"name":"Web Form"},"referred":{"name":"Phone One","phone":"+1 (555) 010-2030"}}""")
                .post("/api/intake/" + token)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(tenant, "viewer").get("/api/referrals/" + byPhone).then().body("possibleDuplicateOf", nullValue());
        as(tenant, "owner")
                .body("{\"partnerId\":\"" + partnerId
                        + "\",\"referred\":{\"name\":\"Phone Two\",\"phone\":\"1-555-010-2030\"}}")
                .post("/api/referrals")
                .then()
                .statusCode(201)
                .body("possibleDuplicateOf", equalTo(byPhone));

        // Another practice's referral with the same email is not a duplicate here.
        String stranger = "practice-" + UUID.randomUUID();
        String strangerLink = as(stranger, "owner")
                .body("{\"name\":\"Theirs\"}")
                .post("/api/intake-links")
                .then()
                .statusCode(201)
                .extract()
                .path("token");
        String elsewhere = anonymous()
                .body(referred("Casey Elsewhere", "casey.dup@example.com"))
                .post("/api/intake/" + strangerLink)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(stranger, "viewer").get("/api/referrals/" + elsewhere).then().body("possibleDuplicateOf", nullValue());
    }

    @Test
    void invalidIntakeBodiesAreFieldErrors() {
        String token = createLink("{\"name\":\"Form\"}")
                .then()
                .statusCode(201)
                .extract()
                .path("token");
        anonymous()
                .body("{\"referrer\":{\"name\":\"Web Form\"}}")
                .post("/api/intake/" + token)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("referred"));
        anonymous()
                .body("{\"referrer\":{\"name\":\"\"},\"referred\":{\"name\":\"\",\"email\":\"bad\","
                        + "\"phone\":\"call me\"}}")
                .post("/api/intake/" + token)
                .then()
                .statusCode(400)
                .body("type", endsWith("validation-failed"))
                .body("errors.field", hasItem("referrer.name"))
                .body("errors.field", hasItem("referred.name"))
                .body("errors.field", hasItem("referred.email"))
                .body("errors.field", hasItem("referred.phone"));
        anonymous()
                .body("{\"referred\":")
                .post("/api/intake/" + token)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        anonymous()
                .body("")
                .post("/api/intake/" + token)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        anonymous()
                .body("{\"referrer\":{\"name\":\"W\"},\"referred\":{\"name\":\"Z\",\"email\":\"z@example.com\"},"
                        + "\"consent\":\"everything\"}")
                .post("/api/intake/" + token)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("consent"));
        as(tenant, "viewer")
                .get("/api/referrals?size=200")
                .then()
                .body("items.findAll { it.referred.name == 'Z' }.size()", equalTo(0));
    }

    @Test
    void viewersCannotManageLinksAndAnonymousCannotListThem() {
        String id = createLink("{\"name\":\"Form\"}")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(tenant, "viewer")
                .body("{\"name\":\"Mine\"}")
                .post("/api/intake-links")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        as(tenant, "viewer").post("/api/intake-links/" + id + "/rotate").then().statusCode(403);
        as(tenant, "viewer").delete("/api/intake-links/" + id).then().statusCode(403);
        as(tenant, "viewer")
                .get("/api/intake-links/" + id)
                .then()
                .statusCode(200)
                .body("revokedAt", nullValue());
        given().get("/api/intake-links").then().statusCode(401);
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"x\"}")
                .post("/api/intake-links")
                .then()
                .statusCode(401);
    }

    @Test
    void anotherPracticeSeesNoLinkOfOurs() {
        Response created = createLink("{\"name\":\"Form\"}");
        String id = created.path("id");
        String token = created.path("token");
        String stranger = "practice-" + UUID.randomUUID();
        as(stranger, "owner")
                .get("/api/intake-links/" + id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        as(stranger, "owner").post("/api/intake-links/" + id + "/rotate").then().statusCode(404);
        as(stranger, "owner").delete("/api/intake-links/" + id).then().statusCode(404);
        as(stranger, "owner").get("/api/intake-links").then().statusCode(200).body("total", equalTo(0));
        // Our partner cannot be bound to their link.
        as(stranger, "owner")
                .body("{\"name\":\"Steal\",\"partnerId\":\"" + partnerId + "\"}")
                .post("/api/intake-links")
                .then()
                .statusCode(422);
        // Still ours and working.
        anonymous()
                .body(referred("Still Works", "sw@example.com"))
                .post("/api/intake/" + token)
                .then()
                .statusCode(201);
        as(tenant, "viewer")
                .get("/api/intake-links/" + id)
                .then()
                .statusCode(200)
                .body("revokedAt", nullValue())
                .body("token", emptyOrNullString());
    }

    @Test
    void documentsTheIntakeApi() {
        given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body("paths.'/api/intake-links'.post.operationId", equalTo("createIntakeLink"))
                .body(
                        "paths.'/api/intake-links'.post.responses.'422'.content.'application/problem+json'",
                        notNullValue())
                .body("paths.'/api/intake-links'.get.operationId", equalTo("listIntakeLinks"))
                .body("paths.'/api/intake-links/{id}'.get.operationId", equalTo("getIntakeLink"))
                .body("paths.'/api/intake-links/{id}'.delete.operationId", equalTo("revokeIntakeLink"))
                .body("paths.'/api/intake-links/{id}/rotate'.post.operationId", equalTo("rotateIntakeLink"))
                .body("paths.'/api/intake/{token}'.post.operationId", equalTo("intakeReferral"))
                .body("paths.'/api/intake/{token}'.post.responses.'429'.headers.'Retry-After'", notNullValue())
                .body(
                        "paths.'/api/intake/{token}'.post.responses.'401'.content.'application/problem+json'",
                        notNullValue())
                .body(
                        "paths.'/api/intake/{token}'.post.requestBody.content.'application/json'.schema.$ref",
                        endsWith("ReceiveReferral"))
                .body("components.schemas.Referral.properties.possibleDuplicateOf", notNullValue())
                .body("components.schemas.IntakeLink.properties.token.toString()", containsString("il_"));
    }

    private static String sign(String secret, String id, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            return "v1,"
                    + Base64.getEncoder()
                            .encodeToString(
                                    mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
