package io.referrals.notification;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.events.Consent;
import io.referrals.events.EventTypes;
import io.referrals.events.PartnerCategory;
import io.referrals.events.PartnerStage;
import io.referrals.events.ReferralStatus;
import io.referrals.events.metrics.PartnerReactivated;
import io.referrals.events.metrics.PartnerWentDormant;
import io.referrals.events.partner.PartnerCreated;
import io.referrals.events.partner.PracticeProfileUpdated;
import io.referrals.events.partner.TouchpointLogged;
import io.referrals.notification.service.followup.PartnerFollowUp;
import io.referrals.notification.service.mail.Digests;
import io.referrals.testing.PlatformTestResource;
import io.referrals.testing.TestClock;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Tasks are opened and closed by events, exactly once; the practice marks them done or snoozes them. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(GreenMailResource.class)
class TaskTest {
    private final Events events = new Events();

    @Inject
    PartnerFollowUp partners;

    @Inject
    Digests digests;

    @Inject
    TestClock clock;

    @AfterEach
    void restore() {
        clock.reset();
    }

    private void awaitTasks(String query, int total) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> events.as("viewer")
                        .get("/api/tasks?partnerId=" + events.partnerId + query)
                        .then()
                        .statusCode(200)
                        .body("total", equalTo(total)));
    }

    @Test
    void aFirstContactTaskIsOverdueAfterItsDeadlineAndClosedByTheStatusChange() {
        UUID late = events.received("Late Person", Consent.NONE, Instant.now().minus(Duration.ofHours(1)));
        UUID onTime =
                events.received("Timely Person", Consent.NONE, Instant.now().plus(Duration.ofDays(1)));
        // Published again under a new event id: still one task.
        events.received(onTime, "Timely Person", Consent.NONE, Instant.now().plus(Duration.ofDays(1)));
        UUID marker = events.received("Marker", Consent.NONE);
        awaitTasks("&kind=first_contact", 3);
        events.as("viewer")
                .get("/api/tasks?status=overdue&partnerId=" + events.partnerId)
                .then()
                .body("total", equalTo(1))
                .body("items[0].referralId", equalTo(late.toString()))
                .body("items[0].overdue", equalTo(true))
                // An older event names the person whatever the consent: the consent decides, so not here.
                .body("items[0].title", containsString("Contact the person referred by Dana Lee"));

        events.status(late, ReferralStatus.RECEIVED, ReferralStatus.CONTACTED, Consent.NONE);
        events.status(late, ReferralStatus.CONTACTED, ReferralStatus.CONSULTATION_BOOKED, Consent.NONE);
        awaitTasks("&kind=first_contact&status=closed", 1);
        events.as("viewer")
                .get("/api/tasks?kind=first_contact&status=closed&partnerId=" + events.partnerId)
                .then()
                .body("items[0].referralId", equalTo(late.toString()))
                .body("items[0].closedReason", equalTo("referral contacted"));
        events.as("viewer")
                .get("/api/tasks?kind=first_contact&status=open&partnerId=" + events.partnerId)
                .then()
                .body("items.referralId", not(hasItem(late.toString())))
                .body("items.referralId", hasItem(onTime.toString()))
                .body("items.referralId", hasItem(marker.toString()));
    }

    @Test
    void aReceiptWithoutTheNameThanksForYourReferralAndAsksToContactThePersonReferred() {
        // What referral-service now publishes for consent none: no referredName at all.
        UUID unnamed = events.received(null, Consent.NONE);
        awaitTasks("&kind=first_contact", 1);
        events.as("viewer")
                .get("/api/tasks?kind=first_contact&partnerId=" + events.partnerId)
                .then()
                .body("items[0].referralId", equalTo(unnamed.toString()))
                .body("items[0].title", equalTo("Contact the person referred by Dana Lee"));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> events.as("viewer")
                        .get("/api/notifications?partnerId=" + events.partnerId)
                        .then()
                        .statusCode(200)
                        .body("items[0].body", containsString("your recent referral")));
    }

    @Test
    void theReferrerIsAskedWhetherTheyWerePleasedTwoWeeksAfterAConversionTheyMayHearOf() {
        UUID told = events.received("Sam Rivera", Consent.OUTCOME);
        events.converted(told, ReferralStatus.RECEIVED, Consent.OUTCOME);
        UUID private_ = events.received("Alex Kim", Consent.CONTACT_MADE);
        events.converted(private_, ReferralStatus.RECEIVED, Consent.CONTACT_MADE);
        UUID marker = events.received("Marker", Consent.NONE);
        awaitTasks("&kind=first_contact", 3);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> events.as("viewer")
                        .get("/api/tasks?kind=first_contact&status=closed&partnerId=" + events.partnerId)
                        .then()
                        .body("total", equalTo(2)));
        var pleased = events.as("viewer")
                .get("/api/tasks?kind=pleased_check_in&partnerId=" + events.partnerId)
                .then()
                .body("total", equalTo(1))
                .body("items[0].referralId", equalTo(told.toString()))
                .body("items[0].title", equalTo("Ask Dana Lee whether Sam was pleased"))
                .extract()
                .jsonPath();
        Instant due = Instant.parse(pleased.getString("items[0].dueAt"));
        Instant expected = Instant.now().plus(Duration.ofDays(14));
        assertTrue(Math.abs(Duration.between(due, expected).toMinutes()) < 5, due + " vs " + expected);
        assertTrue(marker != null);
    }

    @Test
    void snoozeMovesTheDueDateAndDoneClosesATaskOnce() {
        events.received("Pat Doe", Consent.NONE);
        awaitTasks("&kind=review_draft", 1);
        String id = events.as("viewer")
                .get("/api/tasks?kind=review_draft&partnerId=" + events.partnerId)
                .then()
                .extract()
                .path("items[0].id");
        Instant until = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
        events.as("member")
                .body("{\"until\":\"" + until + "\"}")
                .post("/api/tasks/" + id + "/snooze")
                .then()
                .statusCode(200)
                .body("dueAt", equalTo(until.toString()))
                .body("snoozedUntil", equalTo(until.toString()));
        events.as("viewer")
                .get("/api/tasks?kind=review_draft&dueBefore=" + until.minusSeconds(60) + "&partnerId="
                        + events.partnerId)
                .then()
                .body("total", equalTo(0));
        events.as("member")
                .body("{\"until\":\"2020-01-01T00:00:00Z\"}")
                .post("/api/tasks/" + id + "/snooze")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("until"));
        events.as("member")
                .body("{}")
                .post("/api/tasks/" + id + "/snooze")
                .then()
                .statusCode(400);
        events.as("viewer").post("/api/tasks/" + id + "/done").then().statusCode(403);
        new Events().as("owner").post("/api/tasks/" + id + "/done").then().statusCode(404);
        events.as("member")
                .post("/api/tasks/" + id + "/done")
                .then()
                .statusCode(200)
                .body("status", equalTo("done"));
        events.as("member")
                .post("/api/tasks/" + id + "/done")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        events.as("viewer").get("/api/tasks?status=someday").then().statusCode(400);
        events.as("viewer").get("/api/tasks?kind=chores").then().statusCode(400);
    }

    @Test
    void aPartnerCheckInIsDueOneCadenceAfterTheLastTouchpointAndClosedByTheNext() {
        Instant created = Instant.now().minus(Duration.ofDays(10)).truncatedTo(ChronoUnit.SECONDS);
        events.send(
                EventTypes.PRACTICE_PROFILE_UPDATED,
                PracticeProfileUpdated.practiceKey(events.tenant),
                new PracticeProfileUpdated("Europe/Berlin", null, 60, Instant.now()));
        events.send(
                EventTypes.PARTNER_CREATED,
                events.partnerId,
                new PartnerCreated(
                        events.partnerId,
                        "Jordan Blake",
                        "jordan@example.com",
                        PartnerCategory.COLLEAGUE,
                        created,
                        List.of(),
                        PartnerStage.BUILDING_RAPPORT,
                        7,
                        false));
        UUID slow = UUID.randomUUID();
        events.send(
                EventTypes.PARTNER_CREATED,
                slow,
                new PartnerCreated(slow, "Slow Partner", null, PartnerCategory.COLLEAGUE, created));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            partners.scanCheckIns();
            return events.as("viewer")
                            .get("/api/tasks?kind=partner_check_in&partnerId=" + events.partnerId)
                            .then()
                            .extract()
                            .<Integer>path("total")
                    == 1;
        });
        partners.scanCheckIns();
        events.as("viewer")
                .get("/api/tasks?kind=partner_check_in&partnerId=" + events.partnerId)
                .then()
                .body("total", equalTo(1))
                .body("items[0].title", equalTo("Check in with Jordan Blake"))
                .body("items[0].dueAt", equalTo(created.plus(Duration.ofDays(7)).toString()));
        // The practice's default cadence (60 days) is not due yet for the partner without its own.
        events.as("viewer")
                .get("/api/tasks?kind=partner_check_in&partnerId=" + slow)
                .then()
                .body("total", equalTo(0));

        events.send(
                EventTypes.TOUCHPOINT_LOGGED,
                events.partnerId,
                new TouchpointLogged(UUID.randomUUID(), events.partnerId, "thank_you", Instant.now(), null));
        awaitTasks("&kind=partner_check_in&status=closed", 1);
        partners.scanCheckIns();
        awaitTasks("&kind=partner_check_in&status=open", 0);

        clock.set(Instant.now().plus(Duration.ofDays(8)));
        partners.scanCheckIns();
        awaitTasks("&kind=partner_check_in&status=open", 1);
    }

    @Test
    void aDormantPartnerIsATaskUntilItIsReactivated() {
        Instant detected = Instant.now().truncatedTo(ChronoUnit.MICROS);
        var dormant = new PartnerWentDormant(events.partnerId, detected.minus(Duration.ofDays(70)), 70, 30, detected);
        events.send(EventTypes.PARTNER_WENT_DORMANT, events.partnerId, dormant);
        events.send(EventTypes.PARTNER_WENT_DORMANT, events.partnerId, dormant);
        awaitTasks("&kind=dormant_partner&status=open", 1);
        events.send(
                EventTypes.PARTNER_REACTIVATED,
                events.partnerId,
                new PartnerReactivated(events.partnerId, detected, Instant.now()));
        awaitTasks("&kind=dormant_partner&status=closed", 1);
        events.as("viewer")
                .get("/api/tasks?kind=dormant_partner&partnerId=" + events.partnerId)
                .then()
                .body("items[0].closedReason", equalTo("partner reactivated"));
    }

    @Test
    void anOptedInPracticeGetsOneDigestADayListingWhatIsDue() {
        String inbox = "digest." + UUID.randomUUID() + "@blakecoaching.example";
        events.as("owner")
                .body("{\"practiceName\":\"Blake Coaching\",\"digestEnabled\":true,\"digestEmail\":\"" + inbox + "\"}")
                .put("/api/notifications/settings")
                .then()
                .statusCode(200);
        events.received("Late Person", Consent.NONE, Instant.now().minus(Duration.ofHours(2)));
        awaitTasks("&kind=first_contact", 1);

        Instant morning = Instant.now()
                .truncatedTo(ChronoUnit.DAYS)
                .plus(Duration.ofDays(1))
                .plus(Duration.ofHours(8));
        clock.set(morning);
        digests.run();
        digests.run();
        // The first attempt may meet the SMTP server a test before this one stopped and started again
        // (SmtpOutageTest) and fail; its retry comes a minute later by this clock, so the wait moves the clock on.
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    if (!Mailbox.to(inbox).isEmpty()) {
                        return true;
                    }
                    clock.advance(Duration.ofMinutes(2));
                    return false;
                });
        events.awaitMail(inbox, 1);
        var digest = Mailbox.to(inbox).get(0);
        String text = Mailbox.part(digest, "text/plain");
        // Consent none: the person is not named, even to the practice's own digest.
        assertTrue(text.contains("OVERDUE Contact the person referred by Dana Lee"), text);
        assertTrue(Mailbox.subject(digest).endsWith("due today"), Mailbox.subject(digest));
        assertEquals(null, Mailbox.header(digest, "List-Unsubscribe"));
        clock.set(morning.plus(Duration.ofHours(3)));
        digests.run();
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(3))
                .until(() -> Mailbox.to(inbox).size() == 1);
    }
}
