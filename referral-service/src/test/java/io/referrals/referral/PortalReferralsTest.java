package io.referrals.referral;

import static io.referrals.referral.Fixtures.as;
import static io.referrals.referral.Fixtures.kafka;
import static io.referrals.referral.Fixtures.knownPartner;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.events.CloudEvent;
import io.referrals.events.Consent;
import io.referrals.events.EventCodec;
import io.referrals.events.EventTypes;
import io.referrals.events.ReferralChannel;
import io.referrals.events.Topics;
import io.referrals.events.partner.PartnerPortalAccessChanged;
import io.referrals.events.partner.PartnerPortalSessionEnded;
import io.referrals.events.referral.ReferralReceived;
import io.referrals.testing.DevTokens;
import io.referrals.testing.PlatformTestResource;
import io.referrals.testing.PortalTokens;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
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

    /** Every portal path referral-service answers with a read. */
    static final List<String> PORTAL_READS = List.of(
            "/api/portal/referrals",
            "/api/portal/referrals/" + UUID.randomUUID(),
            "/api/portal/rewards",
            "/api/portal/rewards/" + UUID.randomUUID(),
            "/api/portal/given-referrals",
            "/api/portal/balance",
            "/api/portal/intake-link");

    static RequestSpecification portal(String token) {
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
        for (String path : PORTAL_READS) {
            given().auth()
                    .oauth2(DevTokens.token(tenant, "owner"))
                    .get(path)
                    .then()
                    .statusCode(401)
                    .contentType(startsWith("application/problem+json"));
            given().get(path).then().statusCode(401);
        }
        given().auth()
                .oauth2(DevTokens.token(tenant, "owner"))
                .contentType("application/json")
                .body(REFERRAL.formatted("none"))
                .post("/api/portal/referrals")
                .then()
                .statusCode(401)
                .contentType(startsWith("application/problem+json"));
        given().auth()
                .oauth2(DevTokens.token(tenant, "owner"))
                .post("/api/portal/intake-link")
                .then()
                .statusCode(401)
                .contentType(startsWith("application/problem+json"));
        String session = PortalTokens.session(tenant, partner);
        for (String path : List.of("/api/referrals", "/api/rewards", "/api/referrals/given", "/api/intake-links")) {
            int status = portal(session).get(path).statusCode();
            assertEquals(401, status, path + " answers a partner token with " + status);
        }
        int status = portal(session)
                .contentType("application/json")
                .body(Fixtures.referralBody(partner, "Sky Doe", "sky@example.com"))
                .post("/api/referrals")
                .statusCode();
        assertEquals(401, status, "POST /api/referrals answers a partner token with " + status);
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
        for (String path : PORTAL_READS) {
            portal(before).get(path).then().statusCode(401).contentType(startsWith("application/problem+json"));
        }
        long referred = referralsOf(partner);
        referFromPortal(before, REFERRAL.formatted("none")).then().statusCode(401);
        portal(before).post("/api/portal/intake-link").then().statusCode(401);
        assertEquals(referred, referralsOf(partner), "a revoked partner refers nobody");

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

    @Test
    void aSignedOutSessionIsRefusedOnEveryPortalPathWhileTheSamePartnersOtherSessionWorks() {
        UUID signedOut = UUID.randomUUID();
        UUID endedView = UUID.randomUUID();
        String ended = PortalTokens.session(tenant, partner, signedOut);
        String view = PortalTokens.viewAs(tenant, partner, endedView);
        String other = PortalTokens.session(tenant, partner);
        portal(ended).get("/api/portal/referrals").then().statusCode(200);
        portal(view).get("/api/portal/referrals").then().statusCode(200);

        CloudEvent event = sessionEnded(signedOut, Instant.now().plus(Duration.ofHours(1)));
        sessionEnded(endedView, Instant.now().plus(Duration.ofMinutes(15)));
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> portal(ended).get("/api/portal/referrals").statusCode() == 401
                        && portal(view).get("/api/portal/referrals").statusCode() == 401);
        for (String path : PORTAL_READS) {
            portal(ended).get(path).then().statusCode(401).contentType(startsWith("application/problem+json"));
            portal(view).get(path).then().statusCode(401).contentType(startsWith("application/problem+json"));
        }
        long referred = referralsOf(partner);
        referFromPortal(ended, REFERRAL.formatted("none"))
                .then()
                .statusCode(401)
                .contentType(startsWith("application/problem+json"));
        portal(ended)
                .post("/api/portal/intake-link")
                .then()
                .statusCode(401)
                .contentType(startsWith("application/problem+json"));
        assertEquals(referred, referralsOf(partner), "a signed-out session refers nobody");

        // The partner's other session is not the one signed out.
        portal(other).get("/api/portal/referrals").then().statusCode(200);
        referFromPortal(other, REFERRAL.formatted("none")).then().statusCode(201);

        // The same event again, and another announcing the same end, change nothing.
        kafka().send(Topics.PARTNER_EVENTS, event);
        CloudEvent again = sessionEnded(signedOut, Instant.now().plus(Duration.ofHours(1)));
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> processed(again.id()));
        assertEquals(1, endedRows(signedOut));
        portal(ended).get("/api/portal/referrals").then().statusCode(401);
        portal(other).get("/api/portal/referrals").then().statusCode(200);
    }

    @Test
    void anEndedSessionIsForgottenOnceItsTokenHasExpired() {
        UUID expired = UUID.randomUUID();
        CloudEvent first = sessionEnded(expired, Instant.now().minusSeconds(1));
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> processed(first.id()));
        CloudEvent next = sessionEnded(UUID.randomUUID(), Instant.now().plus(Duration.ofHours(1)));
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> processed(next.id()));
        assertEquals(0, endedRows(expired), "deleted when the next one was recorded");
    }

    /** Publishes a sign-out as partner-service would; returns the event. */
    private CloudEvent sessionEnded(UUID sessionId, Instant expiresAt) {
        CloudEvent event = EventCodec.wrap(
                EventTypes.PARTNER_PORTAL_SESSION_ENDED,
                "/partner-service",
                tenant,
                partner.toString(),
                new PartnerPortalSessionEnded(partner, sessionId, Instant.now(), expiresAt));
        kafka().send(Topics.PARTNER_EVENTS, event);
        return event;
    }

    private int endedRows(UUID sessionId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) entityManager
                                .createNativeQuery("select count(*) from portal_session_ended where session_id = ?1")
                                .setParameter(1, sessionId)
                                .getSingleResult())
                        .intValue());
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

    private static final String REFERRAL = """
            {"firstName":"Riley","lastName":"Moss","email":"riley.moss@example.com","phone":"+1 555 0100",
             "need":"Help with a career change","consent":"%s"}""";

    private Response referFromPortal(String token, String body) {
        return portal(token).contentType("application/json").body(body).post("/api/portal/referrals");
    }

    @Test
    void aPartnerRefersSomeoneThroughThePortalVerifiedAndAnnouncedAsEveryReferral() {
        Response created = referFromPortal(PortalTokens.session(tenant, partner), REFERRAL.formatted("contact_made"));
        created.then()
                .statusCode(201)
                .contentType("application/json")
                .header("Location", endsWith("/api/portal/referrals/" + created.path("id")))
                .body("progress", equalTo("received"))
                // contact_made does not let the partner see even the first name they typed in.
                .body("firstName", nullValue());
        String id = created.path("id");
        String body = created.asString();
        for (String detail : List.of("@example.com", "555 0100", "Moss", "career")) {
            assertFalse(body.contains(detail), "the answer carries no " + detail + ": " + body);
        }

        // The practice sees a referral like any other: the partner's, verified, with the need as its note.
        as(tenant, "viewer")
                .get("/api/referrals/" + id)
                .then()
                .statusCode(200)
                .body("partnerId", equalTo(partner.toString()))
                .body("attribution", equalTo("verified"))
                .body("referred.name", equalTo("Riley Moss"))
                .body("referred.email", equalTo("riley.moss@example.com"))
                .body("note", equalTo("Help with a career change"))
                .body("consent", equalTo("contact_made"));
        assertEquals("PORTAL", single("select channel from referral where id = cast(?1 as uuid)", id));

        // The same path and outbox as every referral: ReferralReceived, channel portal, the partner credited.
        ReferralReceived received = EventCodec.data(
                EventCodec.decode(single(
                        "select payload from outbox_event where event_key = ?1 and event_type = ?2",
                        id,
                        EventTypes.REFERRAL_RECEIVED.cloudEventType())),
                EventTypes.REFERRAL_RECEIVED);
        assertEquals(ReferralChannel.PORTAL, received.channel());
        assertEquals(partner, received.referrer().partnerId());
        assertFalse(received.unverified(), "attributed verified: the partner is signed in");
        assertEquals(Consent.CONTACT_MADE, received.consent());

        portal(PortalTokens.session(tenant, partner))
                .get("/api/portal/referrals/" + id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("progress", equalTo("received"));
        move(id, "{\"status\":\"contacted\"}");
        portal(PortalTokens.session(tenant, partner))
                .get("/api/portal/referrals/" + id)
                .then()
                .statusCode(200)
                .body("progress", equalTo("contacted"));
    }

    @Test
    void aSecondPortalReferralOfTheSamePersonIsFlaggedAsAPossibleDuplicate() {
        String session = PortalTokens.session(tenant, partner);
        String first = referFromPortal(session, REFERRAL.formatted("none"))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String second = referFromPortal(session, REFERRAL.formatted("none"))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(tenant, "viewer")
                .get("/api/referrals/" + second)
                .then()
                .statusCode(200)
                .body("possibleDuplicateOf", equalTo(first));
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstAnswerAndRefusesAnotherBody() {
        String session = PortalTokens.session(tenant, partner);
        String key = "portal-" + UUID.randomUUID();
        String first = portal(session)
                .header("Idempotency-Key", key)
                .contentType("application/json")
                .body(REFERRAL.formatted("outcome"))
                .post("/api/portal/referrals")
                .then()
                .statusCode(201)
                .body("firstName", equalTo("Riley"))
                .extract()
                .path("id");
        portal(session)
                .header("Idempotency-Key", key)
                .contentType("application/json")
                .body(REFERRAL.formatted("outcome"))
                .post("/api/portal/referrals")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(first));
        portal(session)
                .header("Idempotency-Key", key)
                .contentType("application/json")
                .body(REFERRAL.formatted("none"))
                .post("/api/portal/referrals")
                .then()
                .statusCode(422)
                .contentType(startsWith("application/problem+json"));
        assertEquals(1L, referralsOf(partner) - 1, "one referral besides the fixture's probe");
        // The practice's own key of the same text is another key: the partner's keys are theirs.
        as(tenant, "member")
                .header("Idempotency-Key", key)
                .body(Fixtures.referralBody(partner, "Kim Ito", "kim@example.com"))
                .post("/api/referrals")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", nullValue());
    }

    @Test
    void badInputIsA400ProblemAndWritesNothing() {
        String session = PortalTokens.session(tenant, partner);
        long before = referralsOf(partner);
        Map<String, String> bodies = Map.of(
                "firstName", "{\"email\":\"a@example.com\",\"consent\":\"none\"}",
                "consent", "{\"firstName\":\"Avery\",\"email\":\"a@example.com\"}",
                "email", "{\"firstName\":\"Avery\",\"consent\":\"none\"}",
                "phone", "{\"firstName\":\"Avery\",\"phone\":\"call me\",\"consent\":\"none\"}",
                "lastName",
                        "{\"firstName\":\"Avery\",\"lastName\":\"%s\",\"email\":\"a@example.com\",\"consent\":\"none\"}"
                                .formatted("x".repeat(101)));
        for (var body : bodies.entrySet()) {
            referFromPortal(session, body.getValue())
                    .then()
                    .statusCode(400)
                    .contentType(startsWith("application/problem+json"))
                    .body("errors.field", hasItem(endsWith(body.getKey())));
        }
        referFromPortal(session, "{\"firstName\":\"Avery\",\"email\":\"a@example.com\",\"consent\":\"maybe\"}")
                .then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"));
        referFromPortal(session, "not json").then().statusCode(400).contentType(startsWith("application/problem+json"));
        assertEquals(before, referralsOf(partner), "nothing written");
    }

    @Test
    void aViewAsSessionReadsButRefersNobody() {
        String mine = refer(partner, "Kim Ito", "outcome");
        String viewAs = PortalTokens.viewAs(tenant, partner);
        long before = referralsOf(partner);
        referFromPortal(viewAs, REFERRAL.formatted("none"))
                .then()
                .statusCode(403)
                .contentType(startsWith("application/problem+json"));
        assertEquals(before, referralsOf(partner));
        portal(viewAs).get("/api/portal/referrals").then().statusCode(200);
        portal(viewAs)
                .get("/api/portal/referrals/" + mine)
                .then()
                .statusCode(200)
                .body("firstName", equalTo("Kim"));
    }

    @Test
    void anotherPartnersAnotherPracticesOrAnUnconfirmedReferralByIdIsA404() {
        UUID other = knownPartner(tenant, "Dana Lee");
        String theirs = refer(other, "Robin Hart", "outcome");
        String elsewhereTenant = "practice-" + UUID.randomUUID();
        UUID elsewherePartner = knownPartner(elsewhereTenant, "Jordan Blake");
        String elsewhere = Fixtures.as(elsewhereTenant, "member")
                .body(Fixtures.referralBody(elsewherePartner, "Sky Doe", "sky@example.com"))
                .post("/api/referrals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String session = PortalTokens.session(tenant, partner);
        for (String id : List.of(theirs, elsewhere, UUID.randomUUID().toString())) {
            portal(session)
                    .get("/api/portal/referrals/" + id)
                    .then()
                    .statusCode(404)
                    .contentType(startsWith("application/problem+json"));
        }
        // The other practice's own partner sees theirs: the 404 is about scope, not a missing row.
        portal(PortalTokens.session(elsewhereTenant, elsewherePartner))
                .get("/api/portal/referrals/" + elsewhere)
                .then()
                .statusCode(200);
    }

    private long referralsOf(UUID partnerId) {
        return ((Number) as(tenant, "viewer")
                        .get("/api/referrals?partnerId=" + partnerId)
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("total"))
                .longValue();
    }

    private String single(String query, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var nativeQuery = entityManager.createNativeQuery(query);
            for (int i = 0; i < parameters.length; i++) {
                nativeQuery.setParameter(i + 1, parameters[i]);
            }
            return String.valueOf(nativeQuery.getSingleResult());
        });
    }

    @Test
    void aPartnerTokenNamingNoValidPartnerIsRefused() {
        portal(PortalTokens.session(tenant, UUID.randomUUID()))
                .get("/api/portal/referrals")
                .then()
                .statusCode(401);
    }
}
