package io.referrals.notification;

import static io.referrals.notification.PortalMessagesTest.messageAbout;
import static io.referrals.notification.PortalMessagesTest.partnerKnown;
import static io.referrals.notification.PortalMessagesTest.portal;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.events.CloudEvent;
import io.referrals.events.Consent;
import io.referrals.events.EventCodec;
import io.referrals.events.EventTypes;
import io.referrals.events.ReferralStatus;
import io.referrals.events.Topics;
import io.referrals.events.partner.PortalSignInLinkIssued;
import io.referrals.testing.PlatformTestResource;
import io.referrals.testing.PortalTokens;
import io.referrals.testing.TestClock;
import jakarta.inject.Inject;
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
 * Which emails a partner gets, chosen in the portal (issue 28): stored, read by the practice's read-only view but
 * changed only by the partner, and respected wherever mail is written, queued and sent (a kind turned off is never
 * mailed; the practice sees it suppressed with the reason and a task to say it in person). The portal's sign-in mail
 * goes out whatever they chose.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(GreenMailResource.class)
class PortalEmailPreferencesTest {
    private static final String ALL_ON =
            "{\"thankYous\":true,\"referralUpdates\":true,\"checkIns\":true,\"news\":true}";
    private static final String NO_THANK_YOUS =
            "{\"thankYous\":false,\"referralUpdates\":true,\"checkIns\":true,\"news\":true}";
    private static final String ALL_OFF =
            "{\"thankYous\":false,\"referralUpdates\":false,\"checkIns\":false,\"news\":false}";

    private final Events events = new Events();

    @Inject
    TestClock clock;

    @AfterEach
    void restore() {
        clock.reset();
    }

    private String session() {
        return PortalTokens.session(events.tenant, events.partnerId);
    }

    private void choose(String preferences) {
        portal(session())
                .contentType("application/json")
                .body(preferences)
                .put("/api/portal/email-preferences")
                .then()
                .statusCode(200);
    }

    private Map<String, Object> stored() {
        return portal(session())
                .get("/api/portal/email-preferences")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .extract()
                .jsonPath()
                .getMap("");
    }

    private static Map<String, Object> preferences(boolean thankYous, boolean updates, boolean checkIns, boolean news) {
        return Map.of("thankYous", thankYous, "referralUpdates", updates, "checkIns", checkIns, "news", news);
    }

    @Test
    void thePartnersChoiceIsStoredAndTheReadOnlyViewReadsItButCannotChangeIt() {
        partnerKnown(events, "Dana Lee");
        assertEquals(preferences(true, true, true, true), stored(), "every kind is on until the partner says");

        String viewAs = PortalTokens.viewAs(events.tenant, events.partnerId);
        portal(viewAs)
                .get("/api/portal/email-preferences")
                .then()
                .statusCode(200)
                .body("thankYous", equalTo(true));
        portal(viewAs)
                .contentType("application/json")
                .body(ALL_OFF)
                .put("/api/portal/email-preferences")
                .then()
                .statusCode(403)
                .contentType(startsWith("application/problem+json"));
        assertEquals(preferences(true, true, true, true), stored(), "the view-as session changed nothing");

        portal(session())
                .contentType("application/json")
                .body("{\"thankYous\":false,\"referralUpdates\":true,\"checkIns\":false,\"news\":true}")
                .put("/api/portal/email-preferences")
                .then()
                .statusCode(200)
                .body("thankYous", equalTo(false))
                .body("checkIns", equalTo(false))
                .body("news", equalTo(true));
        assertEquals(preferences(false, true, false, true), stored());

        // Bad input is a 400 problem and changes nothing.
        for (String bad : List.of(
                "{\"thankYous\":true}",
                "{\"thankYous\":\"maybe\",\"referralUpdates\":true," + "\"checkIns\":true,\"news\":true}",
                "[]",
                "")) {
            portal(session())
                    .contentType("application/json")
                    .body(bad)
                    .put("/api/portal/email-preferences")
                    .then()
                    .statusCode(400)
                    .contentType(startsWith("application/problem+json"));
        }
        assertEquals(preferences(false, true, false, true), stored());
    }

    @Test
    void aThankYouTurnedOffIsNotMailedAndThePracticeSeesWhy() {
        events.settings("referral_thank_you", "contact_made_update");
        partnerKnown(events, "Dana Lee");
        choose(NO_THANK_YOUS);

        UUID referral = events.received("Ann One", Consent.CONTACT_MADE);
        String thanks = messageAbout(events, referral, "referral_thank_you", "suppressed");
        events.as("viewer")
                .get("/api/notifications/" + thanks)
                .then()
                .body("lastError", equalTo("The partner turned off thank-yous in their portal email preferences"));
        events.as("viewer")
                .get("/api/tasks?kind=personal_follow_up&partnerId=" + events.partnerId)
                .then()
                .body("total", equalTo(1))
                .body("items[0].title", containsString("thank-yous"));

        // An update, still wanted, is mailed: the only message that reaches the partner.
        events.status(referral, ReferralStatus.RECEIVED, ReferralStatus.CONTACTED, Consent.CONTACT_MADE);
        events.awaitMail(events.referrerEmail, 1);
        assertEquals(
                "An update on your referral",
                Mailbox.subject(Mailbox.to(events.referrerEmail).get(0)));
        events.as("viewer").get("/api/notifications/" + thanks).then().body("status", equalTo("suppressed"));
        assertEquals(1, Mailbox.to(events.referrerEmail).size());
    }

    @Test
    void aDraftOfAKindTurnedOffSinceCannotBeSent() {
        events.settings();
        partnerKnown(events, "Dana Lee");
        UUID referral = events.received("Ann One", Consent.OUTCOME);
        String thanks = messageAbout(events, referral, "referral_thank_you", "drafted");
        choose(NO_THANK_YOUS);

        events.as("member")
                .post("/api/notifications/" + thanks + "/send")
                .then()
                .statusCode(409)
                .contentType(startsWith("application/problem+json"))
                .body("type", endsWith("partner-opted-out"))
                .body("detail", containsString("thank-yous"));
        events.as("viewer").get("/api/notifications/" + thanks).then().body("status", equalTo("drafted"));

        // Turned on again, the practice may send it.
        choose(ALL_ON);
        events.as("member")
                .post("/api/notifications/" + thanks + "/send")
                .then()
                .statusCode(200);
        events.awaitMail(events.referrerEmail, 1);
    }

    @Test
    void aQueuedThankYouTurnedOffBeforeItsNextAttemptIsSuppressedNotSent() {
        events.settings("referral_thank_you", "contact_made_update");
        partnerKnown(events, "Dana Lee");
        UUID referral;
        GreenMailResource.stopServer();
        try {
            referral = events.received("Ann One", Consent.CONTACT_MADE);
            String queued = messageAbout(events, referral, "referral_thank_you", "queued");
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> events.as("viewer")
                            .get("/api/notifications/" + queued)
                            .then()
                            .body("attempts", greaterThanOrEqualTo(1)));
            choose(NO_THANK_YOUS);
        } finally {
            GreenMailResource.startServer();
        }
        clock.advance(Duration.ofMinutes(2));
        String thanks = messageAbout(events, referral, "referral_thank_you", "suppressed");
        events.as("viewer").get("/api/notifications/" + thanks).then().body("lastError", containsString("thank-yous"));

        events.status(referral, ReferralStatus.RECEIVED, ReferralStatus.CONTACTED, Consent.CONTACT_MADE);
        events.awaitMail(events.referrerEmail, 1);
        assertEquals(
                "An update on your referral",
                Mailbox.subject(Mailbox.to(events.referrerEmail).get(0)));
    }

    @Test
    void theSignInMailGoesOutWhateverThePartnerChose() {
        events.settings();
        partnerKnown(events, "Dana Lee");
        choose(ALL_OFF);
        CloudEvent link = EventCodec.wrap(
                EventTypes.PORTAL_SIGN_IN_LINK_ISSUED,
                "/partner-service",
                events.tenant,
                events.partnerId.toString(),
                new PortalSignInLinkIssued(
                        events.partnerId,
                        events.referrerEmail,
                        "Dana Lee",
                        "https://console.example/portal/sign-in#token=t" + UUID.randomUUID(),
                        Instant.now().plus(Duration.ofMinutes(15)),
                        PortalSignInLinkIssued.Purpose.SIGN_IN));
        Events.kafka().send(Topics.PORTAL_SIGN_IN, link);
        events.awaitMail(events.referrerEmail, 1);
        assertTrue(Mailbox.subject(Mailbox.to(events.referrerEmail).get(0)).startsWith("Your sign-in link"));
    }

    @Test
    void anUnsubscribedPartnerGetsNothingUntilTheyTurnAKindOnAgain() {
        events.settings("referral_thank_you");
        partnerKnown(events, "Dana Lee");
        events.received("Ann One", Consent.OUTCOME);
        events.awaitMail(events.referrerEmail, 1);
        Matcher link = Pattern.compile("<https?://[^/]+(/api/unsubscribe/[^>]+)>")
                .matcher(Mailbox.header(Mailbox.to(events.referrerEmail).get(0), "List-Unsubscribe"));
        assertTrue(link.find());
        given().contentType("application/x-www-form-urlencoded")
                .formParam("List-Unsubscribe", "One-Click")
                .post(link.group(1))
                .then()
                .statusCode(200);
        assertEquals(preferences(false, false, false, false), stored(), "unsubscribed: nothing is wanted");

        choose("{\"thankYous\":true,\"referralUpdates\":false,\"checkIns\":false,\"news\":false}");
        assertEquals(preferences(true, false, false, false), stored());
        events.received("Ben Two", Consent.OUTCOME);
        events.awaitMail(events.referrerEmail, 2);
    }
}
