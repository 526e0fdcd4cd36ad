package io.referrals.referral;

import static io.referrals.referral.Fixtures.as;
import static io.referrals.referral.Fixtures.kafka;
import static io.referrals.referral.Fixtures.knownPartner;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.events.CloudEvent;
import io.referrals.events.EventCodec;
import io.referrals.events.EventTypes;
import io.referrals.events.Topics;
import io.referrals.events.partner.PartnerPortalAccessChanged;
import io.referrals.testing.DevTokens;
import io.referrals.testing.PlatformTestResource;
import io.referrals.testing.PortalTokens;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A signed-in partner's referrals (issue 28): their own, each only as far as the referred person's consent allows;
 * nothing of another partner or practice; a staff token refused here and a portal token refused everywhere else;
 * revoked access refused at the next request, and for good for the sessions issued before it.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class PortalReferralsTest {
    private final String tenant = "practice-" + UUID.randomUUID();
    private UUID partner;

    @Inject
    EntityManager entityManager;

    @BeforeEach
    void partnerKnownFromEvents() {
        partner = knownPartner(tenant, "Jordan Blake");
    }

    private static RequestSpecification portal(String token) {
        return given().auth().oauth2(token);
    }

    private String refer(UUID partnerId, String name, String consent) {
        return as(tenant, "member")
                .body("""
                        {"partnerId":"%s","referred":{"name":"%s","email":"%s@example.com","phone":"+1 555 0100"},
                         "note":"Private note for the practice","consent":"%s"}""".formatted(partnerId, name, name.toLowerCase().replace(' ', '.'), consent))
                .post("/api/referrals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private void move(String referral, String body) {
        as(tenant, "member")
                .body(body)
                .post("/api/referrals/" + referral + "/status")
                .then()
                .statusCode(200);
    }

    private static final String CONVERTED =
            "{\"status\":\"converted\",\"programValue\":\"900.00\",\"currency\":\"USD\"}";

    @Test
    void eachReferralSaysAsMuchAsItsConsentAllowsAndNoContactDetail() {
        String none = refer(partner, "Avery Quinn", "none");
        move(none, CONVERTED);
        String contactMade = refer(partner, "Casey Morgan", "contact_made");
        move(contactMade, "{\"status\":\"contacted\"}");
        move(contactMade, "{\"status\":\"declined\"}");
        String outcome = refer(partner, "Riley Anne Moss", "outcome");
        move(outcome, CONVERTED);
        String closed = refer(partner, "Sam Lee", "outcome");
        move(closed, "{\"status\":\"not_a_fit\"}");
        String waiting = refer(partner, "Drew Park", "outcome");

        String body = portal(PortalTokens.session(tenant, partner))
                .get("/api/portal/referrals?size=50")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .extract()
                .asString();
        JsonPath page = JsonPath.from(body);
        assertSeen(page, none, "received", null);
        assertSeen(page, contactMade, "contacted", null);
        assertSeen(page, outcome, "converted", "Riley");
        assertSeen(page, closed, "closed", "Sam");
        assertSeen(page, waiting, "received", "Drew");
        List<String> ids = page.getList("items.id");
        assertEquals(waiting, ids.get(0), "newest first");
        for (String detail : List.of("@example.com", "555 0100", "Private note", "Quinn", "Morgan", "Moss", "900")) {
            assertFalse(body.contains(detail), "the portal list carries no " + detail + ": " + body);
        }
    }

    private static void assertSeen(JsonPath page, String id, String progress, String firstName) {
        Map<String, Object> item = page.getMap("items.find { it.id == '" + id + "' }");
        assertEquals(progress, item.get("progress"), id);
        assertEquals(firstName, item.get("firstName"), id);
    }

    @Test
    void anotherPartnersAndAnotherPracticesReferralsAreNeverListed() {
        UUID other = knownPartner(tenant, "Dana Lee");
        String theirs = refer(other, "Robin Hart", "outcome");
        String mine = refer(partner, "Kim Ito", "outcome");
        List<String> listed = portal(PortalTokens.session(tenant, partner))
                .get("/api/portal/referrals?size=50")
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
        assertEquals(true, listed.contains(mine));
        assertFalse(listed.contains(theirs));
        // The same partner id under another practice is nobody there.
        portal(PortalTokens.session("practice-" + UUID.randomUUID(), partner))
                .get("/api/portal/referrals")
                .then()
                .statusCode(401)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void aStaffTokenOpensNoPortalPathAndAPortalTokenNoPracticePath() {
        given().auth()
                .oauth2(DevTokens.token(tenant, "owner"))
                .get("/api/portal/referrals")
                .then()
                .statusCode(401)
                .contentType(startsWith("application/problem+json"));
        given().get("/api/portal/referrals").then().statusCode(401);
        String session = PortalTokens.session(tenant, partner);
        for (String path : List.of("/api/referrals", "/api/rewards", "/api/referrals/given", "/api/intake-links")) {
            int status = portal(session).get(path).statusCode();
            assertEquals(401, status, path + " answers a partner token with " + status);
        }
    }

    @Test
    void revokedAccessRefusesTheNextRequestAndItsOldSessionsStayRefusedAfterANewGrant() {
        Instant signedIn = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
        String before = PortalTokens.session(tenant, partner, signedIn);
        portal(before).get("/api/portal/referrals").then().statusCode(200);

        Instant revokedAt = Instant.now();
        accessChanged(PartnerPortalAccessChanged.Access.REVOKED, revokedAt);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> portal(before).get("/api/portal/referrals").statusCode() == 401);

        accessChanged(PartnerPortalAccessChanged.Access.GRANTED, revokedAt.plusSeconds(5));
        String after = PortalTokens.session(tenant, partner, revokedAt.plusSeconds(10));
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> portal(after).get("/api/portal/referrals").statusCode() == 200);
        portal(before).get("/api/portal/referrals").then().statusCode(401).body("status", equalTo(401));

        // A change older than the one applied, arriving late, changes nothing.
        String late = accessChanged(PartnerPortalAccessChanged.Access.REVOKED, revokedAt.plusSeconds(1));
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> processed(late));
        portal(after).get("/api/portal/referrals").then().statusCode(200);
    }

    private boolean processed(String eventId) {
        return QuarkusTransaction.requiringNew()
                        .call(() -> ((Number) entityManager
                                        .createNativeQuery("select count(*) from processed_event where event_id = ?1")
                                        .setParameter(1, eventId)
                                        .getSingleResult())
                                .intValue())
                == 1;
    }

    /** Publishes the change as partner-service would; returns the event's id. */
    private String accessChanged(PartnerPortalAccessChanged.Access access, Instant at) {
        CloudEvent event = EventCodec.wrap(
                EventTypes.PARTNER_PORTAL_ACCESS_CHANGED,
                "/partner-service",
                tenant,
                partner.toString(),
                new PartnerPortalAccessChanged(partner, access, at));
        kafka().send(Topics.PARTNER_EVENTS, event);
        return event.id();
    }

    @Test
    void aPartnerTokenNamingNoValidPartnerIsRefused() {
        portal(PortalTokens.session(tenant, UUID.randomUUID()))
                .get("/api/portal/referrals")
                .then()
                .statusCode(401);
    }
}
