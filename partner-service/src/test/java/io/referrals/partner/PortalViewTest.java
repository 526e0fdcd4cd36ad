package io.referrals.partner;

import static io.referrals.testing.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.events.EventCodec;
import io.referrals.events.EventTypes;
import io.referrals.events.Topics;
import io.referrals.testing.KafkaTestClient;
import io.referrals.testing.PlatformTestResource;
import io.referrals.testing.TestClock;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The practice's "view as this partner" (issue 28): a read-only portal session that reads and changes nothing. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class PortalViewTest {
    private static final String PROBLEM = "application/problem+json";
    private final String tenant = "practice-" + UUID.randomUUID();
    private final KafkaTestClient kafka = new KafkaTestClient(PlatformTestResource.bootstrapServers());

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private Response openView(String role, String partnerId) {
        return as(tenant, role).post("/api/partners/" + partnerId + "/portal-view");
    }

    private String view(String partnerId) {
        return openView("member", partnerId)
                .then()
                .statusCode(201)
                .body("expiresAt", notNullValue())
                .extract()
                .path("accessToken");
    }

    private static String payload(String jwt) {
        return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    @Test
    void theViewReadsWhatThePartnerReadsAndChangesNothing() {
        as(tenant, "owner")
                .body(
                        "{\"practiceName\":\"Blake Coaching\",\"scripts\":[{\"title\":\"Hi\",\"body\":\"Hi {partnerName}\"}]}")
                .put("/api/practice/kit")
                .then()
                .statusCode(200);
        // Never invited: the practice still sees what the partner would see.
        String partnerId = PortalSignIns.createPartner(tenant, "Never Invited", PortalSignIns.email());
        Response opened = openView("owner", partnerId);
        opened.then().statusCode(201).contentType(ContentType.JSON);
        String session = opened.path("accessToken");
        Instant expiresAt = Instant.parse(opened.path("expiresAt"));
        assertTrue(
                Duration.between(Instant.now(), expiresAt).compareTo(Duration.ofMinutes(16)) < 0
                        && Duration.between(Instant.now(), expiresAt).compareTo(Duration.ofMinutes(14)) > 0,
                "15 minutes: " + expiresAt);
        assertTrue(payload(session).contains("\"read_only\":true"), payload(session));

        given().auth()
                .oauth2(session)
                .get("/api/portal/me")
                .then()
                .statusCode(200)
                .body("partnerId", equalTo(partnerId))
                .body("readOnly", equalTo(true));
        given().auth()
                .oauth2(session)
                .get("/api/portal/kit")
                .then()
                .statusCode(200)
                .body("scripts[0].title", equalTo("Hi"));
        given().auth()
                .oauth2(session)
                .get("/api/portal/profile")
                .then()
                .statusCode(200)
                .body("name", equalTo("Never Invited"));

        String before = as(tenant, "viewer").get("/api/partners/" + partnerId).asString();
        given().auth()
                .oauth2(session)
                .contentType(ContentType.JSON)
                .body("{\"name\":\"Changed By The View\",\"clientsServed\":[\"couples\"]}")
                .put("/api/portal/profile")
                .then()
                .statusCode(403)
                .contentType(PROBLEM);
        assertEquals(
                before, as(tenant, "viewer").get("/api/partners/" + partnerId).asString());

        // Recorded like a session: signing out with it ends it.
        given().auth()
                .oauth2(session)
                .delete("/api/portal/sessions/current")
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(session)
                .get("/api/portal/kit")
                .then()
                .statusCode(401)
                .contentType(PROBLEM);
        // ...and announces it like a partner's own, so that the other services refuse the view too.
        assertTrue(
                kafka.eventsFor(Topics.PARTNER_EVENTS, partnerId, 2, Duration.ofSeconds(30)).stream()
                        .filter(e -> e.type().equals(EventTypes.PARTNER_PORTAL_SESSION_ENDED.cloudEventType()))
                        .map(e -> EventCodec.data(e, EventTypes.PARTNER_PORTAL_SESSION_ENDED))
                        .anyMatch(ended -> ended.sessionId().equals(PortalTokenClaims.sid(session))),
                "the view's end announced");
    }

    @Test
    void theViewEndsAfterFifteenMinutesAndWithTheAccessOfAnInvitedPartner() {
        String[] partner = PortalSignIns.signedInPartner(tenant, "Invited Partner");
        given().auth()
                .oauth2(partner[1])
                .get("/api/portal/me")
                .then()
                .statusCode(200)
                .body("readOnly", equalTo(false));

        String shortLived = view(partner[0]);
        given().auth()
                .oauth2(shortLived)
                .get("/api/portal/me")
                .then()
                .statusCode(200)
                .body("readOnly", equalTo(true));
        clock.advance(Duration.ofMinutes(16));
        given().auth().oauth2(shortLived).get("/api/portal/profile").then().statusCode(401);
        clock.reset();

        String revokedWithTheAccess = view(partner[0]);
        given().auth()
                .oauth2(revokedWithTheAccess)
                .get("/api/portal/profile")
                .then()
                .statusCode(200);
        as(tenant, "owner")
                .delete("/api/partners/" + partner[0] + "/portal-access")
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(revokedWithTheAccess)
                .get("/api/portal/profile")
                .then()
                .statusCode(401);
        // A revoked partner sees nothing, and neither does a view of them.
        openView("owner", partner[0])
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("type", containsString("portal-access-revoked"));
    }

    @Test
    void onlyOwnersAndMembersOfThePartnersPracticeOpenAView() {
        String partnerId = PortalSignIns.createPartner(tenant, "Viewed", PortalSignIns.email());
        openView("viewer", partnerId).then().statusCode(403).contentType(PROBLEM);
        as("practice-" + UUID.randomUUID(), "owner")
                .post("/api/partners/" + partnerId + "/portal-view")
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
        openView("owner", UUID.randomUUID().toString()).then().statusCode(404).contentType(PROBLEM);
        given().post("/api/partners/" + partnerId + "/portal-view").then().statusCode(401);
        // A partner's own session is no practice token.
        String[] partner = PortalSignIns.signedInPartner(tenant, "Not Staff");
        int status = given().auth()
                .oauth2(partner[1])
                .post("/api/partners/" + partner[0] + "/portal-view")
                .statusCode();
        assertTrue(List.of(401, 403).contains(status), "a partner token opened a view: " + status);

        as(tenant, "owner").delete("/api/partners/" + partnerId).then().statusCode(200);
        openView("owner", partnerId).then().statusCode(409).body("type", containsString("partner-archived"));
    }
}
