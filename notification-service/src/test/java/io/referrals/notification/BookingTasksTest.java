package io.referrals.notification;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.events.CloudEvent;
import io.referrals.events.Consent;
import io.referrals.events.EventTypes;
import io.referrals.events.ReferralStatus;
import io.referrals.events.booking.BookingChange;
import io.referrals.events.booking.BookingProvider;
import io.referrals.events.referral.PersonErased;
import io.referrals.testing.PlatformTestResource;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 30: referral.booking-changed opens and closes the practice's booking tasks (unmatched, cancelled, no-show),
 * once whatever the broker redelivers, titled with the booking's time in the practice's time zone.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(GreenMailResource.class)
class BookingTasksTest {
    /** A Tuesday, 15:00 in Berlin (CET). */
    private static final Instant STARTS = Instant.parse("2027-03-09T14:00:00Z");

    private static final String BERLIN_TIME = "Tuesday 9 March 2027 at 15:00 (Europe/Berlin)";

    private final Events events = new Events();

    private JsonPath tasks(String query) {
        return events.as("viewer")
                .get("/api/tasks?size=100&" + query)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private void awaitTotal(String query, int total) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> events.as("viewer")
                        .get("/api/tasks?" + query)
                        .then()
                        .statusCode(200)
                        .body("total", equalTo(total)));
    }

    @Test
    void anUnmatchedBookingIsATaskUntilThePracticeMatchesOrDismissesIt() {
        events.timeZone("Europe/Berlin");
        UUID toMatch = UUID.randomUUID();
        UUID toDismiss = UUID.randomUUID();
        CloudEvent unmatched =
                events.booking(toMatch, null, BookingProvider.CALCOM, BookingChange.UNMATCHED, STARTS, null);
        // The same event redelivered, and the same change under a new event id: still one task per booking.
        events.send(Events.TOPIC, unmatched);
        events.booking(toMatch, null, BookingProvider.CALCOM, BookingChange.UNMATCHED, STARTS, null);
        events.booking(
                toDismiss,
                null,
                BookingProvider.CALENDLY,
                BookingChange.UNMATCHED,
                STARTS.plus(Duration.ofDays(1)),
                null);
        awaitTotal("kind=booking_unmatched&status=open", 2);
        JsonPath open = tasks("kind=booking_unmatched&status=open");
        List<String> titles = open.getList("items.title");
        org.hamcrest.MatcherAssert.assertThat(
                titles,
                containsInAnyOrder(
                        "A Cal.com booking on " + BERLIN_TIME
                                + " matches no referral: match it to a referral or dismiss it",
                        "A Calendly booking on Wednesday 10 March 2027 at 15:00 (Europe/Berlin)"
                                + " matches no referral: match it to a referral or dismiss it"));
        org.hamcrest.MatcherAssert.assertThat(open.getList("items.referralId"), everyNull());

        // Matched to a referral whose earlier booking was cancelled: both tasks are done with.
        UUID referralId = events.received("Sam Rivera", Consent.CONTACT_MADE);
        UUID cancelled = UUID.randomUUID();
        events.booking(cancelled, referralId, BookingProvider.CALCOM, BookingChange.BOOKED, STARTS, null);
        events.booking(cancelled, referralId, BookingProvider.CALCOM, BookingChange.CANCELLED, STARTS, null);
        awaitTotal("kind=booking_cancelled&status=open&partnerId=" + events.partnerId, 1);
        events.booking(toMatch, referralId, BookingProvider.CALCOM, BookingChange.MATCHED, STARTS, null);
        events.booking(
                toDismiss,
                null,
                BookingProvider.CALENDLY,
                BookingChange.DISMISSED,
                STARTS.plus(Duration.ofDays(1)),
                null);
        awaitTotal("kind=booking_unmatched&status=closed", 2);
        JsonPath closed = tasks("kind=booking_unmatched&status=closed");
        org.hamcrest.MatcherAssert.assertThat(
                closed.getList("items.closedReason"), containsInAnyOrder("booking matched", "booking dismissed"));
        awaitTotal("kind=booking_cancelled&status=closed&partnerId=" + events.partnerId, 1);
        events.as("viewer")
                .get("/api/tasks?kind=booking_cancelled&partnerId=" + events.partnerId)
                .then()
                .body("items[0].referralId", equalTo(referralId.toString()))
                .body("items[0].closedReason", equalTo("booking matched"));
        // Replayed after the match (the same event, and under a new event id), UNMATCHED opens nothing again. Another
        // booking sent under the same Kafka key is read after them, on their partition: its task shows they were read.
        events.send(Events.TOPIC, unmatched);
        events.booking(toMatch, null, BookingProvider.CALCOM, BookingChange.UNMATCHED, STARTS, null);
        events.booking(
                toMatch.toString(),
                UUID.randomUUID(),
                null,
                BookingProvider.CALCOM,
                BookingChange.UNMATCHED,
                STARTS,
                null);
        awaitTotal("kind=booking_unmatched&status=open", 1);
        awaitTotal("kind=booking_unmatched", 3);
    }

    @Test
    void aCancelledConsultationIsATaskUntilTheReferralIsBookedAgain() {
        events.timeZone("Europe/Berlin");
        UUID referralId = events.received("Sam Rivera", Consent.CONTACT_MADE);
        UUID first = UUID.randomUUID();
        events.booking(first, referralId, BookingProvider.CALCOM, BookingChange.BOOKED, STARTS, null);
        CloudEvent cancel =
                events.booking(first, referralId, BookingProvider.CALCOM, BookingChange.CANCELLED, STARTS, null);
        events.send(Events.TOPIC, cancel);
        events.booking(first, referralId, BookingProvider.CALCOM, BookingChange.CANCELLED, STARTS, null);
        String query = "kind=booking_cancelled&partnerId=" + events.partnerId;
        awaitTotal(query + "&status=open", 1);
        events.as("viewer")
                .get("/api/tasks?" + query)
                .then()
                .body("total", equalTo(1))
                .body("items[0].referralId", equalTo(referralId.toString()))
                .body(
                        "items[0].title",
                        equalTo("Follow up with Sam, referred by Dana Lee: the consultation booked in Cal.com for "
                                + BERLIN_TIME + " was cancelled"));

        UUID second = UUID.randomUUID();
        events.booking(
                second,
                referralId,
                BookingProvider.CALCOM,
                BookingChange.BOOKED,
                STARTS.plus(Duration.ofDays(7)),
                null);
        awaitTotal(query + "&status=closed", 1);
        events.as("viewer")
                .get("/api/tasks?" + query)
                .then()
                .body("total", equalTo(1))
                .body("items[0].closedReason", equalTo("consultation booked again"));
        // The first booking's cancellation replayed (the same event, and under a new event id) opens nothing again;
        // the events below are on the same partition (the referral's key), read after it.
        events.send(Events.TOPIC, cancel);
        events.booking(first, referralId, BookingProvider.CALCOM, BookingChange.CANCELLED, STARTS, null);

        // The new booking cancelled too: a task of its own, closed by the referral closing.
        events.booking(
                second,
                referralId,
                BookingProvider.CALCOM,
                BookingChange.CANCELLED,
                STARTS.plus(Duration.ofDays(7)),
                null);
        awaitTotal(query + "&status=open", 1);
        events.closed(referralId, ReferralStatus.CONSULTATION_BOOKED, ReferralStatus.NOT_A_FIT, Consent.CONTACT_MADE);
        awaitTotal(query + "&status=closed", 2);
        awaitTotal(query, 2);
        events.as("viewer")
                .get("/api/tasks?" + query + "&status=closed")
                .then()
                .body("items.closedReason", hasItem("referral not_a_fit"));
    }

    @Test
    void aNoShowIsATaskUntilTheConsultationIsRescheduledOrTheReferralConverts() {
        events.timeZone("Europe/Berlin");
        UUID rescheduled = events.received("Alex Kim", Consent.NONE);
        UUID converts = events.received("Robin Hart", Consent.CONTACT_MADE);
        UUID missed = UUID.randomUUID();
        UUID alsoMissed = UUID.randomUUID();
        events.booking(missed, rescheduled, BookingProvider.CALENDLY, BookingChange.BOOKED, STARTS, null);
        CloudEvent noShow =
                events.booking(missed, rescheduled, BookingProvider.CALENDLY, BookingChange.NO_SHOW, STARTS, null);
        events.send(Events.TOPIC, noShow);
        events.booking(alsoMissed, converts, BookingProvider.CALCOM, BookingChange.NO_SHOW, STARTS, null);
        String query = "kind=booking_no_show&partnerId=" + events.partnerId;
        awaitTotal(query + "&status=open", 2);
        JsonPath open = tasks(query + "&status=open");
        org.hamcrest.MatcherAssert.assertThat(
                open.getList("items.title"),
                containsInAnyOrder(
                        // Consent none: the person is not named, as the first-contact task does not name them.
                        "Follow up with the person referred by Dana Lee: the consultation booked in Calendly for "
                                + BERLIN_TIME + " was marked a no-show",
                        "Follow up with Robin, referred by Dana Lee: the consultation booked in Cal.com for "
                                + BERLIN_TIME + " was marked a no-show"));

        events.booking(
                missed,
                rescheduled,
                BookingProvider.CALENDLY,
                BookingChange.RESCHEDULED,
                STARTS.plus(Duration.ofDays(2)),
                STARTS);
        events.converted(converts, ReferralStatus.CONSULTATION_BOOKED, Consent.CONTACT_MADE);
        awaitTotal(query + "&status=closed", 2);
        JsonPath closed = tasks(query + "&status=closed");
        org.hamcrest.MatcherAssert.assertThat(
                closed.getList("items.closedReason"),
                containsInAnyOrder("consultation rescheduled", "referral converted"));
        // Replayed (the same event, and under a new event id), the no-show opens nothing again; another booking's
        // no-show of the same referral is read after them (the referral's key) and opens its own task.
        events.send(Events.TOPIC, noShow);
        events.booking(missed, rescheduled, BookingProvider.CALENDLY, BookingChange.NO_SHOW, STARTS, null);
        events.booking(UUID.randomUUID(), rescheduled, BookingProvider.CALCOM, BookingChange.NO_SHOW, STARTS, null);
        awaitTotal(query + "&status=open", 1);
        awaitTotal(query, 3);
    }

    @Test
    void personErasedDropsTheNameFromTheBookingTasks() {
        events.timeZone("Europe/Berlin");
        String first = "Zora" + UUID.randomUUID().toString().substring(0, 6);
        UUID referralId = events.received(first + " Vale", Consent.CONTACT_MADE);
        events.booking(UUID.randomUUID(), referralId, BookingProvider.CALCOM, BookingChange.CANCELLED, STARTS, null);
        events.booking(UUID.randomUUID(), referralId, BookingProvider.CALCOM, BookingChange.NO_SHOW, STARTS, null);
        awaitTotal("kind=booking_cancelled&partnerId=" + events.partnerId, 1);
        awaitTotal("kind=booking_no_show&partnerId=" + events.partnerId, 1);
        org.hamcrest.MatcherAssert.assertThat(
                tasks("partnerId=" + events.partnerId).getList("items.title"),
                hasItem("Follow up with " + first + ", referred by Dana Lee: the consultation booked in Cal.com for "
                        + BERLIN_TIME + " was cancelled"));

        events.send(
                EventTypes.PERSON_ERASED,
                referralId,
                new PersonErased(UUID.randomUUID(), List.of(referralId), Instant.now()));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> events.as("owner")
                        .get("/api/people?referralId=" + referralId)
                        .then()
                        .body("referrals[0].referredFirstName", equalTo("")));
        List<String> titles = tasks("partnerId=" + events.partnerId).getList("items.title");
        org.hamcrest.MatcherAssert.assertThat(
                titles,
                hasItem("Follow up with the person referred by Dana Lee: the consultation booked in Cal.com for "
                        + BERLIN_TIME + " was cancelled"));
        org.hamcrest.MatcherAssert.assertThat(
                titles,
                hasItem("Follow up with the person referred by Dana Lee: the consultation booked in Cal.com for "
                        + BERLIN_TIME + " was marked a no-show"));
        org.hamcrest.MatcherAssert.assertThat(titles, not(hasItem(org.hamcrest.Matchers.containsString(first))));
    }

    @Test
    void aConsultationBookedStraightFromReceivedClosesTheFirstContactTaskAndUpdatesTheReferrerAsConsentAllows() {
        UUID told = events.received("Sam Rivera", Consent.CONTACT_MADE);
        UUID private_ = events.received("Alex Kim", Consent.NONE);
        awaitTotal("kind=first_contact&status=open&partnerId=" + events.partnerId, 2);
        events.status(told, ReferralStatus.RECEIVED, ReferralStatus.CONSULTATION_BOOKED, Consent.CONTACT_MADE);
        events.status(private_, ReferralStatus.RECEIVED, ReferralStatus.CONSULTATION_BOOKED, Consent.NONE);
        awaitTotal("kind=first_contact&status=closed&partnerId=" + events.partnerId, 2);
        org.hamcrest.MatcherAssert.assertThat(
                tasks("kind=first_contact&status=closed&partnerId=" + events.partnerId)
                        .getList("items.closedReason"),
                containsInAnyOrder("referral consultation_booked", "referral consultation_booked"));
        // The contact-made update for the referral whose consent allows it; none for the other (its first-contact
        // task, closed in the same transaction, shows its status change was read).
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> events.as("viewer")
                        .get("/api/notifications?size=100&partnerId=" + events.partnerId)
                        .then()
                        .statusCode(200)
                        .body(
                                "items.findAll { it.kind == 'contact_made_update' }.referralId",
                                hasItem(told.toString())));
        events.as("viewer")
                .get("/api/notifications?size=100&partnerId=" + events.partnerId)
                .then()
                .body(
                        "items.findAll { it.kind == 'contact_made_update' }.referralId",
                        equalTo(List.of(told.toString())))
                .body(
                        "items.find { it.kind == 'contact_made_update' }.body",
                        org.hamcrest.Matchers.containsString("in touch with Sam"));
    }

    private static org.hamcrest.Matcher<Iterable<? extends Object>> everyNull() {
        return org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.nullValue());
    }
}
