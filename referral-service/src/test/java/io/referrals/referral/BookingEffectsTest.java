package io.referrals.referral;

import static io.referrals.referral.BookingFixtures.calcom;
import static io.referrals.referral.BookingFixtures.calendly;
import static io.referrals.referral.BookingFixtures.connectCalcom;
import static io.referrals.referral.BookingFixtures.connectCalendly;
import static io.referrals.referral.BookingFixtures.inviteeUri;
import static io.referrals.referral.BookingFixtures.postCalcom;
import static io.referrals.referral.BookingFixtures.postCalendly;
import static io.referrals.referral.BookingFixtures.referral;
import static io.referrals.referral.Fixtures.as;
import static io.referrals.referral.Fixtures.knownPartner;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.events.EventTypes;
import io.referrals.testing.PlatformTestResource;
import io.referrals.testing.PortalTokens;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What an accepted delivery does: matching, the referral's lifecycle, the events, and the practice's own hand. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class BookingEffectsTest {
    private static final String BOOKING_CHANGED = EventTypes.REFERRAL_BOOKING_CHANGED.cloudEventType();
    private static final String STATUS_CHANGED = EventTypes.REFERRAL_STATUS_CHANGED.cloudEventType();

    private final String tenant = "practice-" + UUID.randomUUID();

    private BookingFixtures.Integration calcomIntegration;

    @Inject
    EntityManager entityManager;

    @Test
    void theSameDeliveryThreeTimesBooksOnceByTheLinksCode() {
        UUID partner = knownPartner(tenant, "Dana Lee");
        calcomIntegration = connectCalcom(tenant, "https://cal.com/practice/consultation");
        String integration = calcomIntegration.id();
        String id = referral(tenant, partner, "Riley Moss", "riley@example.com");
        var view = as(tenant, "viewer")
                .get("/api/referrals/" + id)
                .then()
                .statusCode(200)
                .extract();
        String code = view.path("bookingCode");
        assertTrue(code.matches("[0-9A-HJKMNP-TV-Z]{10}"), code);
        assertEquals("https://cal.com/practice/consultation?metadata%5Bref%5D=" + code, view.path("bookingLink"));
        // ReferralReceived carries the link when the integration is active at receipt.
        assertTrue(payloads(id, EventTypes.REFERRAL_RECEIVED.cloudEventType())
                .get(0)
                .contains("\"bookingLink\":\"https://cal.com/practice/consultation?metadata%5Bref%5D=" + code + "\""));

        // The link's code in another case, with the attendee's email another's: the code wins.
        String body = calcom(
                "BOOKING_CREATED",
                "uid-" + UUID.randomUUID(),
                "2026-12-10T15:00:00Z",
                "someone@else.example",
                code.toLowerCase());
        String first = postCalcomSigned(body)
                .then()
                .statusCode(200)
                .body("outcome", equalTo("booked"))
                .extract()
                .path("bookingId");
        postCalcomSigned(body).then().statusCode(200).body("outcome", equalTo("duplicate"));
        postCalcomSigned(body).then().statusCode(200).body("outcome", equalTo("duplicate"));

        as(tenant, "viewer")
                .get("/api/referrals/" + id)
                .then()
                .body("status", equalTo("consultation_booked"))
                .body("consultationAt", equalTo("2026-12-10T15:00:00Z"))
                .body("firstContactedAt", notNullValue())
                .body("booking.id", equalTo(first))
                .body("booking.provider", equalTo("calcom"))
                .body("booking.status", equalTo("booked"));
        // The list shows the same (its page's bookings and booking links read once for all).
        as(tenant, "viewer")
                .get("/api/referrals")
                .then()
                .body("items.find { it.id == '" + id + "' }.booking.id", equalTo(first))
                .body("items.find { it.id == '" + id + "' }.consultationAt", equalTo("2026-12-10T15:00:00Z"))
                .body("items.find { it.id == '" + id + "' }.bookingLink", containsString("metadata%5Bref%5D="));
        as(tenant, "viewer")
                .get("/api/referrals/" + id + "/history")
                .then()
                .body("findAll { it.to == 'consultation_booked' }", hasSize(1))
                .body("find { it.to == 'consultation_booked' }.note", equalTo("booking:calcom"));
        assertEquals(1, payloads(id, STATUS_CHANGED).size(), "one status change announced");
        List<String> bookingEvents = payloads(id, BOOKING_CHANGED);
        assertEquals(1, bookingEvents.size(), "one booking event");
        assertTrue(bookingEvents.get(0).contains("\"change\":\"booked\""), bookingEvents.get(0));
        assertFalse(bookingEvents.get(0).contains("Riley"), "never the attendee's name");
        assertFalse(bookingEvents.get(0).contains("someone@else.example"), "never the attendee's email");
        as(tenant, "viewer")
                .get("/api/bookings?state=matched")
                .then()
                .body("items", hasSize(1))
                .body("items[0].matchedBy", equalTo("code"))
                .body("items[0].referralId", equalTo(id));
        as(tenant, "viewer")
                .get("/api/booking-integrations/" + integration)
                .then()
                .body("deliveries", equalTo(3));
    }

    @Test
    void anEmailMatchesTheNewestOpenReferralInAnyCase() {
        UUID partner = knownPartner(tenant, "Dana Lee");
        String older = referral(tenant, partner, "Jo Doe", "Jo.Doe@Example.com");
        String newer = referral(tenant, partner, "Jo Doe", "jo.doe@example.com");
        String closed = referral(tenant, partner, "Jo Doe", "jo.doe@example.com");
        as(tenant, "member")
                .body("{\"status\":\"declined\"}")
                .post("/api/referrals/" + closed + "/status")
                .then()
                .statusCode(200);
        var integration = connectCalendly(tenant, "https://calendly.com/practice/30min");

        postCalendly(
                        integration,
                        calendly(
                                "invitee.created",
                                inviteeUri(),
                                "2026-12-11T10:00:00Z",
                                "JO.DOE@example.COM",
                                null,
                                false,
                                null))
                .then()
                .statusCode(200)
                .body("outcome", equalTo("booked"));

        as(tenant, "viewer").get("/api/referrals/" + newer).then().body("status", equalTo("consultation_booked"));
        as(tenant, "viewer").get("/api/referrals/" + older).then().body("status", equalTo("received"));
        as(tenant, "viewer").get("/api/referrals/" + closed).then().body("status", equalTo("declined"));
        as(tenant, "viewer")
                .get("/api/bookings?state=matched")
                .then()
                .body("items[0].matchedBy", equalTo("email"))
                .body("items[0].referralId", equalTo(newer))
                .body("items[0].provider", equalTo("calendly"));
        as(tenant, "viewer")
                .get("/api/referrals/" + newer + "/history")
                .then()
                .body("find { it.to == 'consultation_booked' }.note", equalTo("booking:calendly"));
        // The booking link a Calendly practice hands out carries the code as utm_content.
        String code = as(tenant, "viewer")
                .get("/api/referrals/" + older)
                .then()
                .extract()
                .path("bookingCode");
        as(tenant, "viewer")
                .get("/api/referrals/" + older)
                .then()
                .body("bookingLink", equalTo("https://calendly.com/practice/30min?utm_content=" + code));
    }

    @Test
    void anUnmatchedBookingIsListedThenMatchedByHand() {
        UUID partner = knownPartner(tenant, "Dana Lee");
        String id = referral(tenant, partner, "Alex Kim", "alex@example.com");
        calcomIntegration = connectCalcom(tenant, "https://cal.com/practice/consultation");
        String body = calcom(
                "BOOKING_CREATED",
                "uid-" + UUID.randomUUID(),
                "2026-12-12T09:30:00Z",
                "a.kim@work.example",
                "ZZZZZZZZZZ");
        String bookingId = postCalcomSigned(body)
                .then()
                .statusCode(200)
                .body("outcome", equalTo("unmatched"))
                .extract()
                .path("bookingId");
        assertTrue(payloads(bookingId, BOOKING_CHANGED).get(0).contains("\"change\":\"unmatched\""));
        as(tenant, "viewer").get("/api/referrals/" + id).then().body("status", equalTo("received"));

        as(tenant, "viewer")
                .get("/api/bookings")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].id", equalTo(bookingId))
                .body("items[0].state", equalTo("unmatched"))
                .body("items[0].status", equalTo("booked"))
                .body("items[0].attendeeName", equalTo("Riley Moss"))
                .body("items[0].attendeeEmail", equalTo("a.kim@work.example"))
                .body("items[0].startsAt", equalTo("2026-12-12T09:30:00Z"))
                .body("items[0].referralId", nullValue());

        String match = "{\"referralId\":\"" + id + "\"}";
        as(tenant, "viewer")
                .body(match)
                .post("/api/bookings/" + bookingId + "/match")
                .then()
                .statusCode(403);
        as(tenant, "member")
                .body("{\"referralId\":\"" + UUID.randomUUID() + "\"}")
                .post("/api/bookings/" + bookingId + "/match")
                .then()
                .statusCode(404);
        as(tenant, "member")
                .body("{}")
                .post("/api/bookings/" + bookingId + "/match")
                .then()
                .statusCode(400);
        as(tenant, "member")
                .body(match)
                .post("/api/bookings/" + bookingId + "/match")
                .then()
                .statusCode(200)
                .body("state", equalTo("matched"))
                .body("matchedBy", equalTo("practice"))
                .body("referralId", equalTo(id));
        as(tenant, "viewer")
                .get("/api/referrals/" + id)
                .then()
                .body("status", equalTo("consultation_booked"))
                .body("consultationAt", equalTo("2026-12-12T09:30:00Z"));
        assertTrue(payloads(id, BOOKING_CHANGED).get(0).contains("\"change\":\"matched\""));
        assertEquals(1, payloads(id, STATUS_CHANGED).size());
        as(tenant, "member")
                .body(match)
                .post("/api/bookings/" + bookingId + "/match")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("booking-not-unmatched"));
        as(tenant, "member")
                .post("/api/bookings/" + bookingId + "/dismiss")
                .then()
                .statusCode(409);
        as(tenant, "viewer").get("/api/bookings").then().body("items", hasSize(0));
    }

    @Test
    void aDismissedBookingBelongsToNoReferral() {
        calcomIntegration = connectCalcom(tenant, "https://cal.com/practice/consultation");
        String bookingId = postCalcomSigned(calcom(
                        "BOOKING_CREATED",
                        "uid-" + UUID.randomUUID(),
                        "2026-12-12T11:00:00Z",
                        "stranger@example.com",
                        null))
                .then()
                .body("outcome", equalTo("unmatched"))
                .extract()
                .path("bookingId");
        as(tenant, "viewer")
                .post("/api/bookings/" + bookingId + "/dismiss")
                .then()
                .statusCode(403);
        as(tenant, "member")
                .post("/api/bookings/" + bookingId + "/dismiss")
                .then()
                .statusCode(200)
                .body("state", equalTo("dismissed"));
        as(tenant, "viewer").get("/api/bookings").then().body("items", hasSize(0));
        as(tenant, "viewer").get("/api/bookings?state=dismissed").then().body("items[0].id", equalTo(bookingId));
        as(tenant, "viewer").get("/api/bookings?state=lost").then().statusCode(400);
        List<String> events = payloads(bookingId, BOOKING_CHANGED);
        assertEquals(2, events.size());
        assertTrue(events.get(1).contains("\"change\":\"dismissed\""), events.get(1));
        as(tenant, "member")
                .post("/api/bookings/" + bookingId + "/dismiss")
                .then()
                .statusCode(409);
    }

    @Test
    void aCalcomRescheduleEndsWithOneBookingAtTheNewTimeAndACancelKeepsTheStatus() {
        UUID partner = knownPartner(tenant, "Dana Lee");
        calcomIntegration = connectCalcom(tenant, "https://cal.com/practice/consultation");
        String id = referral(tenant, partner, "Morgan Lee", "morgan@example.com");
        String code = as(tenant, "viewer")
                .get("/api/referrals/" + id)
                .then()
                .extract()
                .path("bookingCode");
        String oldUid = "uid-" + UUID.randomUUID();
        String newUid = "uid-" + UUID.randomUUID();
        String bookingId = postCalcomSigned(
                        calcom("BOOKING_CREATED", oldUid, "2026-12-14T09:00:00Z", "morgan@example.com", code))
                .then()
                .body("outcome", equalTo("booked"))
                .extract()
                .path("bookingId");
        String reschedule =
                calcom("BOOKING_RESCHEDULED", newUid, oldUid, "2026-12-15T13:00:00Z", "morgan@example.com", code);
        postCalcomSigned(reschedule)
                .then()
                .statusCode(200)
                .body("outcome", equalTo("rescheduled"))
                .body("bookingId", equalTo(bookingId));
        postCalcomSigned(reschedule).then().body("outcome", equalTo("duplicate"));

        assertEquals(1, count("select count(*) from booking where tenant_id = ?1"));
        as(tenant, "viewer")
                .get("/api/referrals/" + id)
                .then()
                .body("status", equalTo("consultation_booked"))
                .body("consultationAt", equalTo("2026-12-15T13:00:00Z"))
                .body("booking.startsAt", equalTo("2026-12-15T13:00:00Z"));
        List<String> events = payloads(id, BOOKING_CHANGED);
        assertEquals(2, events.size());
        assertTrue(
                events.get(1).contains("\"change\":\"rescheduled\"")
                        && events.get(1).contains("\"previousStartsAt\":\"2026-12-14T09:00:00Z\""),
                events.get(1));

        // Cancelled (by its new uid): the status stays consultation_booked, the consultation time goes.
        postCalcomSigned(calcom("BOOKING_CANCELLED", newUid, "2026-12-15T13:00:00Z", "morgan@example.com", code))
                .then()
                .body("outcome", equalTo("cancelled"));
        as(tenant, "viewer")
                .get("/api/referrals/" + id)
                .then()
                .body("status", equalTo("consultation_booked"))
                .body("consultationAt", nullValue())
                .body("booking.status", equalTo("cancelled"));
        assertTrue(payloads(id, BOOKING_CHANGED).get(2).contains("\"change\":\"cancelled\""));
        assertEquals(1, payloads(id, STATUS_CHANGED).size(), "the cancel changed no status");
    }

    @Test
    void aCalcomNoShowIsRecordedAndAnnounced() {
        UUID partner = knownPartner(tenant, "Dana Lee");
        calcomIntegration = connectCalcom(tenant, "https://cal.com/practice/consultation");
        String id = referral(tenant, partner, "Quinn Ray", "quinn@example.com");
        String uid = "uid-" + UUID.randomUUID();
        postCalcomSigned(calcom("BOOKING_CREATED", uid, "2026-12-16T09:00:00Z", "quinn@example.com", null))
                .then()
                .body("outcome", equalTo("booked"));
        String noShow = """
                {"triggerEvent":"BOOKING_NO_SHOW_UPDATED","createdAt":"2026-12-16T09:20:00.000Z",\
                "payload":{"message":"x","bookingUid":"%s","bookingId":12,\
                "attendees":[{"email":"quinn@example.com","noShow":true}]}}""".formatted(uid);
        postCalcomSigned(noShow).then().statusCode(200).body("outcome", equalTo("no_show"));
        as(tenant, "viewer")
                .get("/api/referrals/" + id)
                .then()
                .body("status", equalTo("consultation_booked"))
                .body("booking.status", equalTo("no_show"));
        assertTrue(payloads(id, BOOKING_CHANGED).get(1).contains("\"change\":\"no_show\""));
    }

    @Test
    void calendlyReschedulesEndWithOneBookingAtTheNewTimeInEitherOrder() {
        UUID partner = knownPartner(tenant, "Dana Lee");
        var integration = connectCalendly(tenant, "https://calendly.com/practice/30min");
        for (boolean cancelFirst : new boolean[] {true, false}) {
            String email = "casey." + cancelFirst + "@example.com";
            String id = referral(tenant, partner, "Casey Morgan", email);
            String code = as(tenant, "viewer")
                    .get("/api/referrals/" + id)
                    .then()
                    .extract()
                    .path("bookingCode");
            String oldInvitee = inviteeUri();
            String newInvitee = inviteeUri();
            String bookingId = postCalendly(
                            integration,
                            calendly("invitee.created", oldInvitee, "2026-12-17T09:00:00Z", email, code, false, null))
                    .then()
                    .body("outcome", equalTo("booked"))
                    .extract()
                    .path("bookingId");
            String cancel = calendly("invitee.canceled", oldInvitee, "2026-12-17T09:00:00Z", email, code, true, null);
            String create =
                    calendly("invitee.created", newInvitee, "2026-12-18T14:00:00Z", email, code, false, oldInvitee);
            if (cancelFirst) {
                postCalendly(integration, cancel).then().statusCode(200).body("outcome", equalTo("ignored"));
                postCalendly(integration, create).then().statusCode(200).body("outcome", equalTo("rescheduled"));
            } else {
                postCalendly(integration, create).then().statusCode(200).body("outcome", equalTo("rescheduled"));
                postCalendly(integration, cancel).then().statusCode(200).body("outcome", equalTo("ignored"));
            }
            postCalendly(integration, cancel).then().body("outcome", equalTo("duplicate"));

            as(tenant, "viewer")
                    .get("/api/referrals/" + id)
                    .then()
                    .body("status", equalTo("consultation_booked"))
                    .body("consultationAt", equalTo("2026-12-18T14:00:00Z"))
                    .body("booking.id", equalTo(bookingId))
                    .body("booking.status", equalTo("booked"));
            assertEquals(
                    1,
                    count("select count(*) from booking where tenant_id = ?1 and referral_id = '" + id + "'"),
                    "one booking");
            as(tenant, "viewer")
                    .get("/api/bookings?state=matched&size=50")
                    .then()
                    .body("items.findAll { it.referralId == '" + id + "' }.startsAt", contains("2026-12-18T14:00:00Z"));
        }
        // A plain cancel: the booking is cancelled, the referral stays consultation_booked.
        String email = "drew@example.com";
        String id = referral(tenant, partner, "Drew Park", email);
        String invitee = inviteeUri();
        postCalendly(
                        integration,
                        calendly("invitee.created", invitee, "2026-12-19T09:00:00Z", email, null, false, null))
                .then()
                .body("outcome", equalTo("booked"));
        postCalendly(
                        integration,
                        calendly("invitee.canceled", invitee, "2026-12-19T09:00:00Z", email, null, false, null))
                .then()
                .body("outcome", equalTo("cancelled"));
        as(tenant, "viewer")
                .get("/api/referrals/" + id)
                .then()
                .body("status", equalTo("consultation_booked"))
                .body("consultationAt", nullValue())
                .body("booking.status", equalTo("cancelled"));
        // And Calendly's no-show.
        postCalendly(integration, """
                        {"created_at":"2026-12-19T09:40:00.000000Z","event":"invitee_no_show.created",\
                        "payload":{"uri":"https://api.calendly.com/invitee_no_shows/N1","invitee":"%s",\
                        "created_at":"2026-12-19T09:40:00.000000Z"}}""".formatted(invitee)).then().body("outcome", equalTo("no_show"));
    }

    @Test
    void aConvertedReferralKeepsItsStatusWhenBooked() {
        UUID partner = knownPartner(tenant, "Dana Lee");
        calcomIntegration = connectCalcom(tenant, "https://cal.com/practice/consultation");
        String id = referral(tenant, partner, "Robin Fox", "robin@example.com");
        as(tenant, "member")
                .body("{\"programValue\":\"1200.00\",\"currency\":\"EUR\"}")
                .post("/api/referrals/" + id + "/conversion")
                .then()
                .statusCode(200);
        String code = as(tenant, "viewer")
                .get("/api/referrals/" + id)
                .then()
                .extract()
                .path("bookingCode");
        postCalcomSigned(calcom(
                        "BOOKING_CREATED",
                        "uid-" + UUID.randomUUID(),
                        "2026-12-20T09:00:00Z",
                        "robin@example.com",
                        code))
                .then()
                .body("outcome", equalTo("booked"));
        as(tenant, "viewer")
                .get("/api/referrals/" + id)
                .then()
                .body("status", equalTo("converted"))
                .body("booking.status", equalTo("booked"));
        assertEquals(1, payloads(id, BOOKING_CHANGED).size());
    }

    @Test
    void thePortalAndTheExportShowWhatTheyShouldAndErasureClearsTheAttendee() {
        UUID partner = knownPartner(tenant, "Dana Lee");
        String id = referral(tenant, partner, "Sky Blue", "sky@example.com");
        given().auth()
                .oauth2(PortalTokens.session(tenant, partner))
                .get("/api/portal/referrals/" + id)
                .then()
                .statusCode(200)
                .body("bookingLink", nullValue());
        calcomIntegration = connectCalcom(tenant, "https://cal.com/practice/consultation?duration=30");
        String code = as(tenant, "viewer")
                .get("/api/referrals/" + id)
                .then()
                .extract()
                .path("bookingCode");
        given().auth()
                .oauth2(PortalTokens.session(tenant, partner))
                .get("/api/portal/referrals/" + id)
                .then()
                .statusCode(200)
                .body(
                        "bookingLink",
                        equalTo("https://cal.com/practice/consultation?duration=30&metadata%5Bref%5D=" + code));

        String matched = postCalcomSigned(calcom(
                        "BOOKING_CREATED", "uid-" + UUID.randomUUID(), "2026-12-21T09:00:00Z", "SKY@example.com", null))
                .then()
                .body("outcome", equalTo("booked"))
                .extract()
                .path("bookingId");
        // Made with their email after the referral was closed by the booking: still theirs (unmatched here).
        as(tenant, "member")
                .body("{\"status\":\"not_a_fit\"}")
                .post("/api/referrals/" + id + "/status")
                .then()
                .statusCode(200);
        String unmatched = postCalcomSigned(calcom(
                        "BOOKING_CREATED", "uid-" + UUID.randomUUID(), "2026-12-22T09:00:00Z", "sky@example.com", null))
                .then()
                .body("outcome", equalTo("unmatched"))
                .extract()
                .path("bookingId");

        as(tenant, "owner")
                .get("/api/people?email=sky@example.com")
                .then()
                .statusCode(200)
                .body("bookings.id", contains(matched, unmatched))
                .body("bookings[0].attendeeEmail", equalTo("SKY@example.com"));
        as(tenant, "owner")
                .body("{\"email\":\"sky@example.com\"}")
                .post("/api/people/erasure")
                .then()
                .statusCode(200)
                .body("erasedBookingIds", hasSize(2));
        assertEquals(
                0,
                count("select count(*) from booking where tenant_id = ?1 and (attendee_email is not null or "
                        + "attendee_name is not null)"));
        as(tenant, "viewer")
                .get("/api/bookings")
                .then()
                .body("items[0].id", equalTo(unmatched))
                .body("items[0].attendeeEmail", nullValue())
                .body("items[0].attendeeName", nullValue());
        as(tenant, "owner")
                .body("{\"email\":\"sky@example.com\"}")
                .post("/api/people/erasure")
                .then()
                .statusCode(200)
                .body("erasedBookingIds", hasSize(0));
    }

    @Test
    void theIntakeReceiptCarriesTheBookingLinkSoThePersonCanBookAtOnce() {
        String token = as(tenant, "owner")
                .body("{\"name\":\"Website form\"}")
                .post("/api/intake-links")
                .then()
                .statusCode(201)
                .extract()
                .path("token");
        String before = """
                {"referrer":{"name":"Web Form","email":"form@example.com"},\
                "referred":{"name":"Ari Lane","email":"ari@example.com"}}""";
        given().contentType("application/json")
                .body(before)
                .post("/api/intake/" + token)
                .then()
                .statusCode(201)
                .body("bookingLink", nullValue());
        connectCalendly(tenant, "https://calendly.com/practice/30min");
        String id = given().contentType("application/json")
                .body(before.replace("ari@", "ari.2@"))
                .post("/api/intake/" + token)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String code = as(tenant, "viewer")
                .get("/api/referrals/" + id)
                .then()
                .extract()
                .path("bookingCode");
        given().contentType("application/json")
                .body(before.replace("ari@", "ari.3@"))
                .post("/api/intake/" + token)
                .then()
                .statusCode(201)
                .body(
                        "bookingLink",
                        org.hamcrest.Matchers.startsWith("https://calendly.com/practice/30min?utm_content="));
        assertTrue(payloads(id, EventTypes.REFERRAL_RECEIVED.cloudEventType())
                .get(0)
                .contains("\"bookingLink\":\"https://calendly.com/practice/30min?utm_content=" + code + "\""));
    }

    /** Posted to this test's Cal.com integration, signed with its secret. */
    private io.restassured.response.Response postCalcomSigned(String body) {
        return postCalcom(calcomIntegration, body);
    }

    private List<String> payloads(String key, String type) {
        return QuarkusTransaction.requiringNew()
                .call(() -> entityManager
                        .createNativeQuery(
                                "select cast(payload as varchar) from outbox_event where event_key = ?1 "
                                        + "and event_type = ?2 order by seq",
                                String.class)
                        .setParameter(1, key)
                        .setParameter(2, type)
                        .getResultList());
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) entityManager
                                .createNativeQuery(sql)
                                .setParameter(1, tenant)
                                .getSingleResult())
                        .longValue());
    }
}
