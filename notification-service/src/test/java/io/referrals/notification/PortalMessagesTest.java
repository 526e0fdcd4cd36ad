package io.referrals.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.events.CloudEvent;
import io.referrals.events.Consent;
import io.referrals.events.ReferralStatus;
import io.referrals.events.Topics;
import io.referrals.events.partner.PartnerPortalAccessChanged.Access;
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
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A signed-in partner's messages (issue 28): only what the practice sent that partner, newest first; never a draft,
 * another partner's or another practice's message (404 by id); a staff token refused here and a portal token on every
 * practice path; revoked access refused at the next request, and for good for the sessions issued before it.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(GreenMailResource.class)
class PortalMessagesTest {
    private final Events events = new Events();

    @Inject
    EntityManager entityManager;

    static RequestSpecification portal(String token) {
        return given().auth().oauth2(token);
    }

    /** The partner as this service knows it from partner.events: portal requests are refused until it arrives. */
    static void partnerKnown(Events events, String name) {
        events.partnerCreated(name);
        String session = PortalTokens.session(events.tenant, events.partnerId);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> portal(session).get("/api/portal/messages").statusCode() == 200);
    }

    /** The id of the partner's message of that kind about that referral, once the service has written it. */
    static String messageAbout(Events events, UUID referral, String kind, String status) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> status.equals(events.as("viewer")
                        .get("/api/notifications?size=100&partnerId=" + events.partnerId + "&kind=" + kind)
                        .then()
                        .extract()
                        .path("items.find { it.referralId == '" + referral + "' }.status")));
        return events.as("viewer")
                .get("/api/notifications?size=100&partnerId=" + events.partnerId + "&kind=" + kind)
                .then()
                .extract()
                .path("items.find { it.referralId == '" + referral + "' }.id");
    }

    @Test
    void thePartnerSeesWhatThePracticeSentThemNewestFirstAndNothingElse() {
        events.settings("referral_thank_you");
        partnerKnown(events, "Dana Lee");
        UUID first = events.received("Ann One", Consent.OUTCOME);
        events.awaitMail(events.referrerEmail, 1);
        String firstThanks = messageAbout(events, first, "referral_thank_you", "sent");
        UUID second = events.received("Ben Two", Consent.CONTACT_MADE);
        events.awaitMail(events.referrerEmail, 2);
        String secondThanks = messageAbout(events, second, "referral_thank_you", "sent");
        // The contact-made note is not auto-sent: a draft the partner never received.
        events.status(second, ReferralStatus.RECEIVED, ReferralStatus.CONTACTED, Consent.CONTACT_MADE);
        String draft = messageAbout(events, second, "contact_made_update", "drafted");

        // Another partner of the same practice, and the same partner id in another practice, each sent a thank-you.
        Events colleague = new Events(events.tenant, UUID.randomUUID());
        partnerKnown(colleague, "Sam Colleague");
        UUID theirs = colleague.received("Cy Three", Consent.OUTCOME);
        colleague.awaitMail(colleague.referrerEmail, 1);
        String colleagues = messageAbout(colleague, theirs, "referral_thank_you", "sent");
        Events elsewhere = new Events("practice-" + UUID.randomUUID(), events.partnerId);
        elsewhere.settings("referral_thank_you");
        partnerKnown(elsewhere, "Dana Lee");
        UUID foreign = elsewhere.received("Dee Four", Consent.OUTCOME);
        elsewhere.awaitMail(elsewhere.referrerEmail, 1);
        String otherPractices = messageAbout(elsewhere, foreign, "referral_thank_you", "sent");

        String session = PortalTokens.session(events.tenant, events.partnerId);
        JsonPath page = portal(session)
                .get("/api/portal/messages?size=50")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .extract()
                .jsonPath();
        assertEquals(List.of(secondThanks, firstThanks), page.getList("items.id"), "only theirs, newest first");
        assertEquals(2, page.getInt("total"));
        assertEquals("thank_you", page.getString("items[0].kind"));
        assertEquals("Thank you for your referral", page.getString("items[0].subject"));
        assertTrue(page.getString("items[0].body").contains("Dear Dana"), page.getString("items[0].body"));
        assertTrue(page.getString("items[0].sentAt") != null);
        for (String field : List.of("recipientEmail", "status", "htmlBody", "lastError", "partnerId")) {
            assertFalse(page.getMap("items[0]").containsKey(field), "no " + field + " in the portal's view");
        }

        portal(session)
                .get("/api/portal/messages/" + firstThanks)
                .then()
                .statusCode(200)
                .body("id", equalTo(firstThanks))
                .body("kind", equalTo("thank_you"))
                .body("body", containsString("Dear Dana"));
        for (String notTheirs :
                List.of(draft, colleagues, otherPractices, UUID.randomUUID().toString())) {
            portal(session)
                    .get("/api/portal/messages/" + notTheirs)
                    .then()
                    .statusCode(404)
                    .contentType(startsWith("application/problem+json"));
        }
        // The colleague's session sees only the colleague's.
        portal(PortalTokens.session(colleague.tenant, colleague.partnerId))
                .get("/api/portal/messages")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(colleagues)));
        // The practice's read-only "view as this partner" session reads the same.
        portal(PortalTokens.viewAs(events.tenant, events.partnerId))
                .get("/api/portal/messages")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(secondThanks, firstThanks)));
    }

    @Test
    void aStaffTokenOpensNoPortalPathAndAPortalTokenNoPracticePath() {
        partnerKnown(events, "Dana Lee");
        for (String path : List.of("/api/portal/messages", "/api/portal/email-preferences")) {
            given().auth()
                    .oauth2(DevTokens.token(events.tenant, "owner"))
                    .get(path)
                    .then()
                    .statusCode(401)
                    .contentType(startsWith("application/problem+json"));
            given().get(path).then().statusCode(401).contentType(startsWith("application/problem+json"));
        }
        given().auth()
                .oauth2(DevTokens.token(events.tenant, "owner"))
                .contentType("application/json")
                .body("{\"thankYous\":false,\"referralUpdates\":false,\"checkIns\":false,\"news\":false}")
                .put("/api/portal/email-preferences")
                .then()
                .statusCode(401);
        String session = PortalTokens.session(events.tenant, events.partnerId);
        for (String path : List.of(
                "/api/notifications",
                "/api/notifications/settings",
                "/api/tasks",
                "/api/templates/referral_thank_you",
                "/api/webhooks",
                "/api/people?referralId=" + UUID.randomUUID())) {
            int status = portal(session).get(path).statusCode();
            assertEquals(401, status, path + " answers a partner token with " + status);
        }
    }

    @Test
    void revokedAccessRefusesTheNextRequestAndItsOldSessionsStayRefusedAfterANewGrant() {
        partnerKnown(events, "Dana Lee");
        Instant signedIn = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
        String before = PortalTokens.session(events.tenant, events.partnerId, signedIn);
        portal(before).get("/api/portal/messages").then().statusCode(200);
        portal(before).get("/api/portal/email-preferences").then().statusCode(200);

        Instant revokedAt = Instant.now();
        events.portalAccess(Access.REVOKED, revokedAt);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> portal(before).get("/api/portal/messages").statusCode() == 401);
        portal(before)
                .get("/api/portal/email-preferences")
                .then()
                .statusCode(401)
                .contentType(startsWith("application/problem+json"));
        portal(before)
                .contentType("application/json")
                .body("{\"thankYous\":false,\"referralUpdates\":false,\"checkIns\":false,\"news\":false}")
                .put("/api/portal/email-preferences")
                .then()
                .statusCode(401);
        // Issued after the revocation, but access is still revoked.
        portal(PortalTokens.session(events.tenant, events.partnerId, revokedAt.plusSeconds(2)))
                .get("/api/portal/messages")
                .then()
                .statusCode(401);

        events.portalAccess(Access.GRANTED, revokedAt.plusSeconds(5));
        String after = PortalTokens.session(events.tenant, events.partnerId, revokedAt.plusSeconds(10));
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> portal(after).get("/api/portal/messages").statusCode() == 200);
        portal(before).get("/api/portal/messages").then().statusCode(401).body("status", equalTo(401));

        // A change older than the one applied, arriving late, changes nothing.
        String late = events.portalAccess(Access.REVOKED, revokedAt.plusSeconds(1));
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> processed(late));
        portal(after).get("/api/portal/messages").then().statusCode(200);
    }

    @Test
    void aSignedOutSessionIsRefusedOnEveryPortalPathWhileThePartnersOtherSessionWorks() {
        partnerKnown(events, "Dana Lee");
        UUID signedOut = UUID.randomUUID();
        UUID endedView = UUID.randomUUID();
        String ended = PortalTokens.session(events.tenant, events.partnerId, signedOut);
        String view = PortalTokens.viewAs(events.tenant, events.partnerId, endedView);
        String other = PortalTokens.session(events.tenant, events.partnerId);
        portal(ended).get("/api/portal/messages").then().statusCode(200);
        portal(view).get("/api/portal/email-preferences").then().statusCode(200);

        CloudEvent event = events.sessionEnded(signedOut, Instant.now().plus(Duration.ofHours(1)));
        events.sessionEnded(endedView, Instant.now().plus(Duration.ofMinutes(15)));
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> portal(ended).get("/api/portal/messages").statusCode() == 401
                        && portal(view).get("/api/portal/messages").statusCode() == 401);
        for (String token : List.of(ended, view)) {
            for (String path : List.of(
                    "/api/portal/messages",
                    "/api/portal/messages/" + UUID.randomUUID(),
                    "/api/portal/email-preferences")) {
                portal(token).get(path).then().statusCode(401).contentType(startsWith("application/problem+json"));
            }
        }
        String preferences = portal(other).get("/api/portal/email-preferences").asString();
        portal(ended)
                .contentType("application/json")
                .body("{\"thankYous\":false,\"referralUpdates\":false,\"checkIns\":false,\"news\":false}")
                .put("/api/portal/email-preferences")
                .then()
                .statusCode(401)
                .contentType(startsWith("application/problem+json"));
        assertEquals(
                preferences, portal(other).get("/api/portal/email-preferences").asString(), "nothing changed");

        // The partner's other session is not the one signed out.
        portal(other).get("/api/portal/messages").then().statusCode(200);
        portal(other)
                .contentType("application/json")
                .body("{\"thankYous\":true,\"referralUpdates\":false,\"checkIns\":true,\"news\":true}")
                .put("/api/portal/email-preferences")
                .then()
                .statusCode(200);

        // The same event again, and another announcing the same end, change nothing.
        events.send(Topics.PARTNER_EVENTS, event);
        CloudEvent again = events.sessionEnded(signedOut, Instant.now().plus(Duration.ofHours(1)));
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> processed(again.id()));
        portal(ended).get("/api/portal/messages").then().statusCode(401);
        portal(other).get("/api/portal/messages").then().statusCode(200);
    }

    @Test
    void aRevocationArrivingBeforeThePartnerIsStillKept() {
        // partner.events keeps one partner's events in order, but a copy rebuilt or a partner created long ago may see
        // the revocation first: the row it makes is the partner's, and the partner's later events fill it in.
        Instant revokedAt = Instant.now();
        String session = PortalTokens.session(events.tenant, events.partnerId, revokedAt.minusSeconds(30));
        String revoked = events.portalAccess(Access.REVOKED, revokedAt);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> processed(revoked));
        events.partnerCreated("Dana Lee");
        String granted = events.portalAccess(Access.GRANTED, revokedAt.plusSeconds(1));
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> processed(granted));
        portal(session).get("/api/portal/messages").then().statusCode(401);
        portal(PortalTokens.session(events.tenant, events.partnerId, revokedAt.plusSeconds(2)))
                .get("/api/portal/messages")
                .then()
                .statusCode(200);
    }

    @Test
    void aSessionOfAPartnerNotKnownHereIsRefused() {
        portal(PortalTokens.session(events.tenant, UUID.randomUUID()))
                .get("/api/portal/messages")
                .then()
                .statusCode(401)
                .contentType(startsWith("application/problem+json"));
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
}
