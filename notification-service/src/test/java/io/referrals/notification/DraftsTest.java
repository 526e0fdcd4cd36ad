package io.referrals.notification;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.events.Consent;
import io.referrals.events.ReferralStatus;
import io.referrals.testing.PlatformTestResource;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** By default messages are drafted: the practice edits, sends or dismisses them; consent can still stop them. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(GreenMailResource.class)
class DraftsTest {
    private final Events events = new Events();

    private String awaitDraft(UUID referralId, String kind) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> events.as("viewer")
                        .get("/api/notifications?partnerId=" + events.partnerId + "&kind=" + kind)
                        .then()
                        .body("items.find { it.referralId == '" + referralId + "' }.status", equalTo("drafted")));
        return events.as("viewer")
                .get("/api/notifications?partnerId=" + events.partnerId + "&kind=" + kind)
                .then()
                .extract()
                .path("items.find { it.referralId == '" + referralId + "' }.id");
    }

    @Test
    void aDraftIsReviewedEditedAndSentOnce() {
        UUID referralId = events.received("Sam Rivera", Consent.OUTCOME);
        String id = awaitDraft(referralId, "referral_thank_you");
        events.as("viewer")
                .get("/api/tasks?kind=review_draft&status=open&partnerId=" + events.partnerId)
                .then()
                .body("total", equalTo(1))
                .body("items[0].notificationId", equalTo(id));

        events.as("member")
                .body(
                        "{\"subject\":\"Thank you, Dana!\",\"body\":\"Dear Dana,\\n\\nSam & I spoke <today>.\\n\\nJordan\"}")
                .patch("/api/notifications/" + id)
                .then()
                .statusCode(200)
                .body("edited", equalTo(true))
                .body("htmlBody", containsString("Sam &amp; I spoke &lt;today&gt;."));
        events.as("member")
                .post("/api/notifications/" + id + "/send")
                .then()
                .statusCode(200)
                .body("status", equalTo("queued"));
        events.as("member")
                .post("/api/notifications/" + id + "/send")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409));

        events.awaitMail(events.referrerEmail, 1);
        MimeMessage mail = Mailbox.to(events.referrerEmail).get(0);
        assertEquals("Thank you, Dana!", Mailbox.subject(mail));
        assertTrue(Mailbox.part(mail, "text/plain").contains("Sam & I spoke <today>."));
        events.as("viewer")
                .get("/api/tasks?kind=review_draft&partnerId=" + events.partnerId)
                .then()
                .body("items[0].status", equalTo("closed"));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> events.as("viewer")
                        .get("/api/notifications/" + id)
                        .then()
                        .body("status", equalTo("sent"))
                        .body("sentAt", org.hamcrest.Matchers.notNullValue()));
    }

    @Test
    void aDismissedDraftIsNeverSent() {
        UUID referralId = events.received("Pat Doe", Consent.NONE);
        String id = awaitDraft(referralId, "referral_thank_you");
        events.as("owner")
                .post("/api/notifications/" + id + "/dismiss")
                .then()
                .statusCode(200)
                .body("status", equalTo("dismissed"));
        events.as("owner")
                .post("/api/notifications/" + id + "/send")
                .then()
                .statusCode(409)
                .body("type", containsString("not-a-draft"));
        events.as("viewer")
                .get("/api/tasks?kind=review_draft&partnerId=" + events.partnerId)
                .then()
                .body("items[0].status", equalTo("closed"))
                .body("items[0].closedReason", equalTo("dismissed"));
    }

    @Test
    void aNarrowedConsentWithdrawsTheUpdateAndReRendersTheThankYouBeforeItIsSent() {
        UUID referralId = events.received("Sam Rivera", Consent.OUTCOME);
        events.status(referralId, ReferralStatus.RECEIVED, ReferralStatus.CONTACTED, Consent.OUTCOME);
        String update = awaitDraft(referralId, "contact_made_update");
        String thanks = awaitDraft(referralId, "referral_thank_you");
        events.as("viewer").get("/api/notifications/" + thanks).then().body("body", containsString("referring Sam"));

        events.consent(referralId, Consent.OUTCOME, Consent.NONE);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> events.as("viewer")
                        .get("/api/notifications/" + update)
                        .then()
                        .body("status", equalTo("withdrawn")));
        events.as("viewer")
                .get("/api/notifications/" + thanks)
                .then()
                .body("status", equalTo("drafted"))
                .body("body", not(containsString("Sam")))
                .body("htmlBody", not(containsString("Sam")));
        events.as("member")
                .post("/api/notifications/" + update + "/send")
                .then()
                .statusCode(409);
        events.as("member")
                .post("/api/notifications/" + thanks + "/send")
                .then()
                .statusCode(200);
        events.awaitMail(events.referrerEmail, 1);
        String raw = Mailbox.raw(Mailbox.to(events.referrerEmail).get(0));
        assertFalse(raw.contains("Sam"), raw);
    }

    @Test
    void aWidenedConsentLetsTheReferrerHearTheOutcomeTheReferralAlreadyReached() {
        UUID referralId = events.received("Noor Haddad", Consent.NONE);
        events.status(referralId, ReferralStatus.RECEIVED, ReferralStatus.CONTACTED, Consent.NONE);
        events.converted(referralId, ReferralStatus.CONTACTED, Consent.NONE);
        awaitDraft(referralId, "referral_thank_you");
        events.as("viewer")
                .get("/api/notifications?partnerId=" + events.partnerId + "&kind=outcome_update")
                .then()
                .body("items.findAll { it.referralId == '" + referralId + "' }", empty());

        events.consent(referralId, Consent.NONE, Consent.OUTCOME);
        String outcome = awaitDraft(referralId, "outcome_update");
        events.as("viewer")
                .get("/api/notifications/" + outcome)
                .then()
                .body("status", equalTo("drafted"))
                .body("referralId", equalTo(referralId.toString()));
        events.as("viewer")
                .get("/api/notifications?partnerId=" + events.partnerId + "&kind=contact_made_update")
                .then()
                .body("items.findAll { it.referralId == '" + referralId + "' }", empty());
        events.as("viewer")
                .get("/api/notifications?partnerId=" + events.partnerId + "&kind=outcome_update")
                .then()
                .body("items.findAll { it.referralId == '" + referralId + "' }.size()", equalTo(1));
    }

    @Test
    void anotherPracticesMessageIsNotFoundAndViewersCannotWrite() {
        UUID referralId = events.received("Lee Park", Consent.OUTCOME);
        String id = awaitDraft(referralId, "referral_thank_you");
        Events stranger = new Events();
        stranger.as("owner")
                .get("/api/notifications/" + id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        stranger.as("owner")
                .body("{\"body\":\"hijacked\"}")
                .patch("/api/notifications/" + id)
                .then()
                .statusCode(404);
        stranger.as("owner").post("/api/notifications/" + id + "/send").then().statusCode(404);
        stranger.as("owner")
                .post("/api/notifications/" + id + "/dismiss")
                .then()
                .statusCode(404);

        events.as("viewer")
                .body("{\"body\":\"x\"}")
                .patch("/api/notifications/" + id)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        events.as("viewer").post("/api/notifications/" + id + "/send").then().statusCode(403);
        events.as("viewer")
                .body("{\"autoSend\":[]}")
                .put("/api/notifications/settings")
                .then()
                .statusCode(403);
        events.as("viewer")
                .get("/api/notifications/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("drafted"));
    }

    @Test
    void badInputIsAProblem() {
        UUID referralId = events.received("Kim Ray", Consent.NONE);
        String id = awaitDraft(referralId, "referral_thank_you");
        events.as("member")
                .body("{\"subject\":\"\"}")
                .patch("/api/notifications/" + id)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("subject"));
        events.as("owner")
                .body("{\"replyTo\":\"not-an-address\",\"autoSend\":[]}")
                .put("/api/notifications/settings")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("replyTo"));
        events.as("owner")
                .body("{\"autoSend\":[\"everything\"]}")
                .put("/api/notifications/settings")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        events.as("viewer")
                .get("/api/notifications?status=bogus")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("status"));
        events.as("owner")
                .body("{\"digestEnabled\":true}")
                .put("/api/notifications/settings")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("digestEmail"));
    }

    @Test
    void thePracticeStartsIntroductionsOutreachAndPleasedCheckInsFromItsTemplates() {
        UUID other = UUID.randomUUID();
        events.send(
                io.referrals.events.EventTypes.PARTNER_CREATED,
                events.partnerId,
                new io.referrals.events.partner.PartnerCreated(
                        events.partnerId,
                        "Dana Lee",
                        events.referrerEmail,
                        io.referrals.events.PartnerCategory.PROFESSIONAL,
                        java.time.Instant.now()));
        events.send(
                io.referrals.events.EventTypes.PARTNER_CREATED,
                other,
                new io.referrals.events.partner.PartnerCreated(
                        other,
                        "Jordan <Blake>",
                        "jordan@example.com",
                        io.referrals.events.PartnerCategory.COLLEAGUE,
                        java.time.Instant.now()));
        UUID converted = events.received("Sam Rivera", Consent.OUTCOME);
        events.converted(converted, ReferralStatus.RECEIVED, Consent.OUTCOME);
        UUID discreet = events.received("Alex Kim", Consent.CONTACT_MADE);
        awaitDraft(discreet, "referral_thank_you");

        String introduction = "{\"kind\":\"partner_introduction\",\"partnerId\":\"" + events.partnerId
                + "\",\"otherPartnerId\":\"" + other + "\"}";
        // partner.events is another topic: the partners may be learnt a moment after the referrals (404 until then).
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var response = events.as("member").body(introduction).post("/api/notifications");
            id[0] = response.statusCode() == 201 ? response.path("id") : null;
            return id[0] != null;
        });
        events.as("viewer")
                .get("/api/notifications/" + id[0])
                .then()
                .statusCode(200)
                .body("status", equalTo("drafted"))
                .body("recipientEmail", equalTo(events.referrerEmail))
                .body("subject", equalTo("An introduction: Jordan <Blake>"))
                .body("body", containsString("introduce you to Jordan <Blake>."))
                .body("htmlBody", containsString("introduce you to Jordan &lt;Blake&gt;."));
        events.as("member")
                .body("{\"kind\":\"partner_outreach\",\"partnerId\":\"" + other + "\"}")
                .post("/api/notifications")
                .then()
                .statusCode(201)
                .body("body", containsString("Dear Jordan,"));
        String pleased =
                "{\"kind\":\"pleased_check_in\",\"partnerId\":\"" + events.partnerId + "\",\"referralId\":\"%s\"}";
        events.as("member")
                .body(pleased.formatted(converted))
                .post("/api/notifications")
                .then()
                .statusCode(201)
                .body("subject", equalTo("Has Sam mentioned how it is going?"));
        events.as("member")
                .body(pleased.formatted(converted))
                .post("/api/notifications")
                .then()
                .statusCode(409);
        events.as("member")
                .body(pleased.formatted(discreet))
                .post("/api/notifications")
                .then()
                .statusCode(422);
        events.as("member")
                .body("{\"kind\":\"partner_outreach\",\"partnerId\":\"" + UUID.randomUUID() + "\"}")
                .post("/api/notifications")
                .then()
                .statusCode(404);
        events.as("member")
                .body("{\"kind\":\"outcome_update\",\"partnerId\":\"" + events.partnerId + "\"}")
                .post("/api/notifications")
                .then()
                .statusCode(400);
        events.as("viewer")
                .body("{\"kind\":\"partner_outreach\",\"partnerId\":\"" + other + "\"}")
                .post("/api/notifications")
                .then()
                .statusCode(403);
    }

    @Test
    void settingsDefaultToDraftsAndAreReplacedAsAWhole() {
        events.as("viewer")
                .get("/api/notifications/settings")
                .then()
                .statusCode(200)
                .body("autoSend.size()", equalTo(0))
                .body("drafted", org.hamcrest.Matchers.hasItem("referral_thank_you"));
        events.settings("referral_thank_you");
        events.as("viewer")
                .get("/api/notifications/settings")
                .then()
                .body("autoSend", org.hamcrest.Matchers.contains("referral_thank_you"))
                .body("practiceName", equalTo("Blake Coaching"))
                .body("replyTo", equalTo("jordan@blakecoaching.example"));
    }
}
