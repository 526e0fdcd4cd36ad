package io.referrals.referral;

import static io.referrals.referral.Fixtures.as;
import static io.referrals.referral.Fixtures.knownPartner;
import static io.referrals.referral.Fixtures.referralBody;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.testing.DevTokens;
import io.referrals.testing.PlatformTestResource;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class ReferralResourceTest {
    private final String tenant = "practice-" + UUID.randomUUID();
    private UUID partnerId;

    @BeforeEach
    void partnerKnownFromEvents() {
        partnerId = knownPartner(tenant, "Dana Lee");
    }

    @Test
    void aTokenOlderThanTheMaximumAgeIsRefusedEvenBeforeItExpires() {
        given().auth()
                .oauth2(DevTokens.tokenIssuedAgo(tenant, Duration.ofHours(1), "viewer"))
                .get("/api/referrals")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(DevTokens.tokenIssuedAgo(tenant, Duration.ofHours(13), "viewer"))
                .get("/api/referrals")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void receivesAReferralOnceAndConvertsIt() {
        String body = referralBody(partnerId, "Sam Rivera", "sam@example.com");
        String id = as(tenant, "member")
                .header("Idempotency-Key", "intake-1")
                .body(body)
                .post("/api/referrals")
                .then()
                .statusCode(201)
                .body("status", equalTo("received"))
                .body("referrerName", equalTo("Dana Lee"))
                .body("referred.email", equalTo("sam@example.com"))
                .body("consent", equalTo("outcome"))
                .extract()
                .path("id");

        as(tenant, "member")
                .header("Idempotency-Key", "intake-1")
                .body(body)
                .post("/api/referrals")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(id))
                .header("Location", endsWith("/api/referrals/" + id));
        as(tenant, "viewer")
                .get("/api/referrals?partnerId=" + partnerId + "&size=200")
                .then()
                .statusCode(200)
                .body("items.findAll { it.referred.name == 'Sam Rivera' }.size()", equalTo(1));

        as(tenant, "member")
                .header("Idempotency-Key", "intake-1")
                .body(referralBody(partnerId, "Someone Else", "else@example.com"))
                .post("/api/referrals")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", endsWith("idempotency-key-reused"));

        as(tenant, "owner")
                .body("{\"programValue\":\"1500.00\",\"currency\":\"USD\"}")
                .post("/api/referrals/" + id + "/conversion")
                .then()
                .statusCode(200)
                .body("status", equalTo("converted"))
                .body("programValue", equalTo("1500.00"))
                .body("convertedAt", notNullValue());
        as(tenant, "owner")
                .body("{\"programValue\":\"10.00\",\"currency\":\"USD\"}")
                .post("/api/referrals/" + id + "/conversion")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409))
                .body("currentStatus", equalTo("converted"));
    }

    @Test
    void rejectsInvalidReferralsWithFieldErrors() {
        as(tenant, "owner")
                .body("{\"partnerId\":\"" + partnerId + "\"}")
                .post("/api/referrals")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("referred"));
        as(tenant, "owner")
                .body("{\"partnerId\":\"" + partnerId + "\",\"referred\":{\"name\":\"No Contact\"}}")
                .post("/api/referrals")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("referred"));
        as(tenant, "owner")
                .body("{\"partnerId\":\"" + partnerId
                        + "\",\"referred\":{\"name\":\"\",\"email\":\"bad\",\"phone\":\"call me\"}}")
                .post("/api/referrals")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("referred.name"))
                .body("errors.field", hasItem("referred.email"))
                .body("errors.field", hasItem("referred.phone"));
        as(tenant, "owner")
                .body(referralBody(UUID.randomUUID(), "Lost", "lost@example.com"))
                .post("/api/referrals")
                .then()
                .statusCode(422)
                .body("type", endsWith("unknown-partner"));

        String id = as(tenant, "owner")
                .body(referralBody(partnerId, "Val", "val@example.com"))
                .post("/api/referrals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(tenant, "owner")
                .body("{\"programValue\":\"-1\",\"currency\":\"usd\"}")
                .post("/api/referrals/" + id + "/conversion")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("programValue"))
                .body("errors.field", hasItem("currency"));
        as(tenant, "viewer").get("/api/referrals/" + id).then().body("status", equalTo("received"));
    }

    @Test
    void aReferrerNotYetKnownBecomesOneSourceWhateverHowManyTheySend() {
        String body = """
                {"referrer":{"name":"Priya Natarajan","email":"Priya@Example.com"},
                 "referred":{"name":"Alex Kim","phone":"+1 555 0199"}}""";
        String sourceId = as(tenant, "owner")
                .body(body)
                .post("/api/referrals")
                .then()
                .statusCode(201)
                .body("referrerName", equalTo("Priya Natarajan"))
                .extract()
                .path("partnerId");
        as(tenant, "owner")
                .body(body.replace("Priya@Example.com", "priya@example.com").replace("Alex Kim", "Jo Doe"))
                .post("/api/referrals")
                .then()
                .statusCode(201)
                .body("partnerId", equalTo(sourceId));
        as(tenant, "viewer").get("/api/referrals?partnerId=" + sourceId).then().body("total", equalTo(2));

        // Someone already known by email is that partner, not a new source.
        as(tenant, "owner")
                .body("{\"referrer\":{\"name\":\"D. Lee\",\"email\":\"dana.lee@example.com\"},"
                        + "\"referred\":{\"name\":\"Max\",\"email\":\"max@example.com\"}}")
                .post("/api/referrals")
                .then()
                .statusCode(201)
                .body("partnerId", equalTo(partnerId.toString()));

        as(tenant, "owner")
                .body("{\"partnerId\":\"" + partnerId + "\",\"referrer\":{\"name\":\"Both\"},"
                        + "\"referred\":{\"name\":\"X\",\"email\":\"x@example.com\"}}")
                .post("/api/referrals")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("partnerId"));
        as(tenant, "owner")
                .body("{\"referred\":{\"name\":\"X\",\"email\":\"x@example.com\"}}")
                .post("/api/referrals")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("partnerId"));
    }

    @Test
    void authenticationAndRoles() {
        given().get("/api/referrals").then().statusCode(401).contentType("application/problem+json");
        as(tenant, "viewer")
                .body(referralBody(partnerId, "V", "v@example.com"))
                .post("/api/referrals")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void anotherPracticeSeesNothing() {
        String id = as(tenant, "owner")
                .body(referralBody(partnerId, "Kim", "kim@example.com"))
                .post("/api/referrals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String stranger = "practice-" + UUID.randomUUID();
        as(stranger, "owner")
                .get("/api/referrals/" + id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        as(stranger, "owner")
                .body("{\"programValue\":\"1.00\",\"currency\":\"USD\"}")
                .post("/api/referrals/" + id + "/conversion")
                .then()
                .statusCode(404);
        as(stranger, "owner").get("/api/referrals").then().statusCode(200).body("total", equalTo(0));
        // Their partner id means nothing in another practice.
        as(stranger, "owner")
                .body(referralBody(partnerId, "Kim", "kim@example.com"))
                .post("/api/referrals")
                .then()
                .statusCode(422);
    }
}
