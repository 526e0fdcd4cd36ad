package io.referrals.partner;

import static io.referrals.testing.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.events.CloudEvent;
import io.referrals.events.EventCodec;
import io.referrals.events.EventTypes;
import io.referrals.events.Topics;
import io.referrals.events.partner.PartnerPortalAccessChanged;
import io.referrals.events.partner.PartnerPortalSessionEnded;
import io.referrals.events.partner.PortalSignInLinkIssued;
import io.referrals.testing.CapturedLog;
import io.referrals.testing.DevTokens;
import io.referrals.testing.KafkaTestClient;
import io.referrals.testing.PlatformTestResource;
import io.referrals.testing.TestClock;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The partner portal's first slice (issue 28): invitation, sign-in by link, the session, revocation, limits. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class PortalAccessTest {
    private static final String PROBLEM = "application/problem+json";
    private final String tenant = "practice-" + UUID.randomUUID();
    private final KafkaTestClient kafka = new KafkaTestClient(PlatformTestResource.bootstrapServers());

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private String createPartner(String tenantId, String name, String email) {
        String emailJson = email == null ? "" : ",\"email\":\"" + email + "\"";
        return as(tenantId, "owner")
                .body("{\"name\":\"" + name + "\",\"category\":\"professional\"" + emailJson + "}")
                .post("/api/partners")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static String email() {
        return "partner-" + UUID.randomUUID() + "@example.com";
    }

    private void invite(String tenantId, String partnerId) {
        as(tenantId, "member")
                .post("/api/partners/" + partnerId + "/portal-access")
                .then()
                .statusCode(201)
                .body("partnerId", equalTo(partnerId))
                .body("status", equalTo("invited"));
    }

    /** The links mailed to a partner so far, read where notification-service reads them: the portal's own topic. */
    private List<PortalSignInLinkIssued> links(String partnerId, int count) {
        List<CloudEvent> events = kafka.eventsFor(Topics.PORTAL_SIGN_IN, partnerId, count, Duration.ofSeconds(30));
        assertEquals(count, events.size(), "sign-in links on " + Topics.PORTAL_SIGN_IN);
        return events.stream()
                .map(event -> EventCodec.data(event, EventTypes.PORTAL_SIGN_IN_LINK_ISSUED))
                .toList();
    }

    private static String token(PortalSignInLinkIssued link) {
        String url = link.signInUrl();
        assertTrue(url.contains("/portal/sign-in#token="), url);
        return url.substring(url.indexOf("#token=") + "#token=".length());
    }

    private static Response exchange(String token) {
        return given().contentType(ContentType.JSON)
                .body("{\"token\":\"" + token + "\"}")
                .post("/api/portal/sessions");
    }

    private static String signIn(String token) {
        return exchange(token)
                .then()
                .statusCode(201)
                .body("expiresAt", notNullValue())
                .extract()
                .path("accessToken");
    }

    private static Response me(String sessionToken) {
        return given().auth().oauth2(sessionToken).get("/api/portal/me");
    }

    private static void assertLinkGone(Response response) {
        response.then()
                .statusCode(410)
                .contentType(PROBLEM)
                .body("type", equalTo("https://referrals.example/problems/sign-in-link-gone"))
                .body("detail", containsString("Ask for a new one"));
    }

    private static Response requestLink(String practiceId, String email) {
        return given().contentType(ContentType.JSON)
                .body("{\"practiceId\":\"" + practiceId + "\",\"email\":\"" + email + "\"}")
                .post("/api/portal/sign-in-links");
    }

    /** A window of the sign-in limits no other test uses: the counters are shared, the clock moves them apart. */
    private void freshLimitWindow() {
        long window = Duration.ofMinutes(15).toSeconds();
        long start = Instant.parse("2090-01-01T00:00:00Z").getEpochSecond()
                + ThreadLocalRandom.current().nextLong(1_000_000) * window;
        clock.set(Instant.ofEpochSecond(start + 1));
    }

    @Test
    void anInvitedPartnerSignsInByTheLinkAndTheSessionProvesWhoTheyAre() {
        String address = email();
        String partnerId = createPartner(tenant, "Dana Whitfield", address);
        PortalSignInLinkIssued link;
        String session;
        try (CapturedLog log = CapturedLog.start()) {
            invite(tenant, partnerId);

            link = links(partnerId, 1).get(0);
            assertEquals(PortalSignInLinkIssued.Purpose.INVITATION, link.purpose());
            assertEquals(address, link.email());
            assertEquals("Dana Whitfield", link.partnerName());
            assertTrue(link.signInUrl().startsWith("http://localhost:8080/portal/sign-in#token="), link.signInUrl());
            assertEquals(43, token(link).length(), "256 bits in base64url");

            session = signIn(token(link));
            requestLink(tenant, address).then().statusCode(202);
            links(partnerId, 2);
            assertLinkGone(exchange(token(link)));
            // Neither the link's secret, the session token nor the address reaches a log line on the way.
            for (String secret : List.of(token(link), session, address)) {
                assertFalse(log.lines().stream().anyMatch(line -> line.contains(secret)), "a log line holds " + secret);
            }
        }
        me(session)
                .then()
                .statusCode(200)
                .body("partnerId", equalTo(partnerId))
                .body("name", equalTo("Dana Whitfield"))
                .body("email", equalTo(address))
                .body("practiceId", equalTo(tenant));

        as(tenant, "viewer")
                .get("/api/portal-access")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].partnerId", equalTo(partnerId))
                .body("items[0].partnerName", equalTo("Dana Whitfield"))
                .body("items[0].status", equalTo("active"))
                .body("items[0].lastSignInAt", notNullValue());

        // The grant is announced on partner.events, without the address or the link.
        List<CloudEvent> changes = kafka.eventsFor(Topics.PARTNER_EVENTS, partnerId, 2, Duration.ofSeconds(30));
        CloudEvent granted = changes.stream()
                .filter(event -> event.type().equals(EventTypes.PARTNER_PORTAL_ACCESS_CHANGED.cloudEventType()))
                .findFirst()
                .orElseThrow();
        assertEquals(
                PartnerPortalAccessChanged.Access.GRANTED,
                EventCodec.data(granted, EventTypes.PARTNER_PORTAL_ACCESS_CHANGED)
                        .access());
        String everything =
                String.join("\n", changes.stream().map(EventCodec::encode).toList());
        assertFalse(everything.contains(token(link)), "no link on partner.events");
        assertFalse(everything.contains("/portal/sign-in"), "no link on partner.events");
    }

    @Test
    void aLinkWorksOnceOnlyWithinFifteenMinutesAndAsIssued() {
        String partnerId = createPartner(tenant, "Once Only", email());
        invite(tenant, partnerId);
        String token = token(links(partnerId, 1).get(0));

        signIn(token);
        assertLinkGone(exchange(token));

        // Expired: a new link, the clock 16 minutes on.
        as(tenant, "owner")
                .post("/api/partners/" + partnerId + "/portal-access/sign-in-link")
                .then()
                .statusCode(202)
                .body("status", equalTo("active"));
        PortalSignInLinkIssued second = links(partnerId, 2).get(1);
        assertEquals(PortalSignInLinkIssued.Purpose.SIGN_IN, second.purpose(), "signed in before: a sign-in link");
        clock.advance(Duration.ofMinutes(16));
        assertLinkGone(exchange(token(second)));
        clock.reset();

        // Tampered: one character changed; and no token at all that could be one.
        as(tenant, "owner")
                .post("/api/partners/" + partnerId + "/portal-access/sign-in-link")
                .then()
                .statusCode(202);
        String third = token(links(partnerId, 3).get(2));
        char last = third.charAt(third.length() - 1);
        String tampered = third.substring(0, third.length() - 1) + (last == 'A' ? 'B' : 'A');
        assertLinkGone(exchange(tampered));
        assertLinkGone(exchange("not-a-token"));
        signIn(third);
    }

    @Test
    void anotherPracticesLinkIsRefusedForThisPractice() {
        String otherTenant = "practice-" + UUID.randomUUID();
        String theirs = createPartner(otherTenant, "Theirs", email());
        invite(otherTenant, theirs);
        String token = token(links(theirs, 1).get(0));

        assertLinkGone(given().contentType(ContentType.JSON)
                .body("{\"token\":\"" + token + "\",\"practiceId\":\"" + tenant + "\"}")
                .post("/api/portal/sessions"));
        // Its own practice's page signs in with it.
        given().contentType(ContentType.JSON)
                .body("{\"token\":\"" + token + "\",\"practiceId\":\"" + otherTenant + "\"}")
                .post("/api/portal/sessions")
                .then()
                .statusCode(201);
    }

    @Test
    void askingForALinkAnswersTheSameForKnownAndUnknownAddresses() {
        String address = email();
        String partnerId = createPartner(tenant, "Known", address);
        invite(tenant, partnerId);
        links(partnerId, 1);

        Response known = requestLink(tenant, address);
        Response unknown = requestLink(tenant, email());
        Response otherPractice = requestLink("practice-" + UUID.randomUUID(), address);
        known.then().statusCode(202);
        unknown.then().statusCode(202);
        otherPractice.then().statusCode(202);
        assertEquals(known.asString(), unknown.asString());
        assertEquals(known.asString(), otherPractice.asString());

        // Only the known one was mailed: a second link for the partner, a sign-in link still of the invitation kind.
        PortalSignInLinkIssued asked = links(partnerId, 2).get(1);
        assertEquals(PortalSignInLinkIssued.Purpose.INVITATION, asked.purpose(), "never signed in yet");
        signIn(token(asked));
    }

    @Test
    void manyRequestsForOneAddressAreLimitedForKnownAndUnknownAlike() {
        String known = email();
        String partnerId = createPartner(tenant, "Limited", known);
        invite(tenant, partnerId);
        String unknown = email();
        freshLimitWindow();

        for (int i = 0; i < 5; i++) {
            requestLink(tenant, known).then().statusCode(202);
            requestLink(tenant, unknown).then().statusCode(202);
        }
        for (String address : List.of(known, unknown, known.toUpperCase())) {
            requestLink(tenant, address)
                    .then()
                    .statusCode(429)
                    .contentType(PROBLEM)
                    .header("Retry-After", notNullValue())
                    .body("type", equalTo("https://referrals.example/problems/rate-limited"))
                    .body("detail", containsString("email address"));
        }
    }

    @Test
    void aHundredRequestsForAPartnersAddressAnswerAsForAnUnknownOneAndMailFiveLinksAtMost() {
        String known = email();
        String partnerId = createPartner(tenant, "Hammered", known);
        invite(tenant, partnerId);
        String unknown = email();
        freshLimitWindow();

        for (int i = 0; i < 100; i++) {
            Response forKnown = requestLink(tenant, known);
            Response forUnknown = requestLink(tenant, unknown);
            assertEquals(i < 5 ? 202 : 429, forKnown.statusCode(), "request " + (i + 1));
            assertEquals(forUnknown.statusCode(), forKnown.statusCode(), "request " + (i + 1));
            assertEquals(forUnknown.contentType(), forKnown.contentType(), "request " + (i + 1));
            assertEquals(
                    forUnknown.jsonPath().getString("detail"),
                    forKnown.jsonPath().getString("detail"),
                    "request " + (i + 1));
            assertEquals(forUnknown.header("Retry-After") != null, forKnown.header("Retry-After") != null);
        }
        // The invitation and five links, no more: the 95 refused requests issued nothing.
        assertEquals(6, links(partnerId, 6).size());
    }

    @Test
    void manyRequestsFromOneClientAreLimitedWhateverTheAddress() {
        freshLimitWindow();
        for (int i = 0; i < 30; i++) {
            requestLink(tenant, email()).then().statusCode(202);
        }
        Response refused = requestLink(tenant, email());
        refused.then()
                .statusCode(429)
                .contentType(PROBLEM)
                .header("Retry-After", notNullValue())
                .body("detail", containsString("client address"));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 15 * 60 + 1, "until the window ends: " + retryAfter);
    }

    @Test
    void aPartnerTokenOpensNoPracticeEndpointAndAStaffTokenNoPortalOne() {
        String partnerId = createPartner(tenant, "Scoped", email());
        invite(tenant, partnerId);
        String session = signIn(token(links(partnerId, 1).get(0)));

        for (String path : List.of("/api/partners", "/api/partners/" + partnerId, "/api/portal-access")) {
            int status = given().auth().oauth2(session).get(path).statusCode();
            assertTrue(status == 401 || status == 403, path + " answered " + status + " to a partner token");
        }
        given().auth()
                .oauth2(session)
                .contentType(ContentType.JSON)
                .post("/api/partners/" + partnerId + "/portal-access")
                .then()
                .statusCode(anyOf(is(401), is(403)));

        for (String role : List.of("owner", "viewer")) {
            me(DevTokens.token(tenant, role)).then().statusCode(401).contentType(PROBLEM);
        }
        given().get("/api/portal/me").then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void revokingRefusesTheNextRequestAndSigningOutEndsTheSession() {
        String partnerId = createPartner(tenant, "Revoked", email());
        invite(tenant, partnerId);
        String first = signIn(token(links(partnerId, 1).get(0)));
        me(first).then().statusCode(200);

        // Sign out: that session is over.
        given().auth()
                .oauth2(first)
                .delete("/api/portal/sessions/current")
                .then()
                .statusCode(204);
        me(first).then().statusCode(401).contentType(PROBLEM);

        // Revoke: a session started before it is refused at its next request, and unused links stop working.
        as(tenant, "owner")
                .post("/api/partners/" + partnerId + "/portal-access/sign-in-link")
                .then()
                .statusCode(202);
        as(tenant, "owner")
                .post("/api/partners/" + partnerId + "/portal-access/sign-in-link")
                .then()
                .statusCode(202);
        List<PortalSignInLinkIssued> issued = links(partnerId, 3);
        String second = signIn(token(issued.get(1)));
        me(second).then().statusCode(200);
        as(tenant, "member")
                .delete("/api/partners/" + partnerId + "/portal-access")
                .then()
                .statusCode(204);
        me(second).then().statusCode(401).contentType(PROBLEM);
        assertLinkGone(exchange(token(issued.get(2))));
        as(tenant, "viewer")
                .get("/api/portal-access")
                .then()
                .body("items.status", hasItem("revoked"))
                .body("items[0].revokedAt", notNullValue());
        // No new link from the practice either.
        as(tenant, "owner")
                .post("/api/partners/" + partnerId + "/portal-access/sign-in-link")
                .then()
                .statusCode(409)
                .contentType(PROBLEM);

        // Created, granted, the first session's end, revoked.
        List<CloudEvent> changes = kafka.eventsFor(Topics.PARTNER_EVENTS, partnerId, 4, Duration.ofSeconds(30));
        // Signing out is announced with the session's id, so that the other services refuse it too; the sessions that
        // revoking ended are not (PartnerPortalAccessChanged says it for all of them).
        List<PartnerPortalSessionEnded> ended = changes.stream()
                .filter(e -> e.type().equals(EventTypes.PARTNER_PORTAL_SESSION_ENDED.cloudEventType()))
                .map(e -> EventCodec.data(e, EventTypes.PARTNER_PORTAL_SESSION_ENDED))
                .toList();
        assertEquals(1, ended.size(), "one sign-out announced: " + ended);
        assertEquals(PortalTokenClaims.sid(first), ended.get(0).sessionId());
        assertEquals(UUID.fromString(partnerId), ended.get(0).partnerId());
        assertTrue(ended.get(0).expiresAt().isAfter(ended.get(0).endedAt()), "expires after it ended");
        assertTrue(
                changes.stream()
                        .filter(e -> e.type().equals(EventTypes.PARTNER_PORTAL_ACCESS_CHANGED.cloudEventType()))
                        .map(e -> EventCodec.data(e, EventTypes.PARTNER_PORTAL_ACCESS_CHANGED)
                                .access())
                        .toList()
                        .contains(PartnerPortalAccessChanged.Access.REVOKED),
                "revocation announced");

        // Invited again: a fresh start.
        invite(tenant, partnerId);
        signIn(token(links(partnerId, 4).get(3)));
    }

    @Test
    void thePracticeSideKeepsRolesPracticesAndInputApart() {
        String partnerId = createPartner(tenant, "Roles", email());
        as(tenant, "viewer")
                .post("/api/partners/" + partnerId + "/portal-access")
                .then()
                .statusCode(403)
                .contentType(PROBLEM);
        as("practice-" + UUID.randomUUID(), "owner")
                .post("/api/partners/" + partnerId + "/portal-access")
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
        as("practice-" + UUID.randomUUID(), "owner")
                .delete("/api/partners/" + partnerId + "/portal-access")
                .then()
                .statusCode(404);
        String noEmail = createPartner(tenant, "No Email", null);
        as(tenant, "owner")
                .post("/api/partners/" + noEmail + "/portal-access")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("type", containsString("partner-has-no-email"));
        invite(tenant, partnerId);
        as(tenant, "owner")
                .post("/api/partners/" + partnerId + "/portal-access")
                .then()
                .statusCode(409)
                .body("type", containsString("portal-access-exists"))
                .body("accessStatus", equalTo("invited"));

        requestLink(tenant, "not-an-email").then().statusCode(400).contentType(PROBLEM);
        requestLink("not a practice!", email()).then().statusCode(400).contentType(PROBLEM);
        given().contentType(ContentType.JSON)
                .body("{}")
                .post("/api/portal/sign-in-links")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        given().contentType(ContentType.JSON)
                .body("{}")
                .post("/api/portal/sessions")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        given().contentType(ContentType.JSON)
                .body("{\"token\":")
                .post("/api/portal/sessions")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
    }
}
