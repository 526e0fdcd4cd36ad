package io.referrals.referral;

import static io.referrals.referral.BookingFixtures.calcom;
import static io.referrals.referral.BookingFixtures.calendly;
import static io.referrals.referral.BookingFixtures.calendlySignature;
import static io.referrals.referral.BookingFixtures.connectCalcom;
import static io.referrals.referral.BookingFixtures.connectCalendly;
import static io.referrals.referral.BookingFixtures.hmacHex;
import static io.referrals.referral.BookingFixtures.inviteeUri;
import static io.referrals.referral.BookingFixtures.pathOf;
import static io.referrals.referral.BookingFixtures.postCalcom;
import static io.referrals.referral.BookingFixtures.postCalendly;
import static io.referrals.referral.Fixtures.as;
import static io.referrals.referral.Fixtures.knownPartner;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.events.EventTypes;
import io.referrals.testing.PlatformTestResource;
import io.referrals.testing.TestClock;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Connecting, rotating and removing an integration, and what its receiving URL refuses (nothing stored). */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class BookingIntegrationTest {
    private final String tenant = "practice-" + UUID.randomUUID();

    @Inject
    EntityManager entityManager;

    @Inject
    TestClock clock;

    @Test
    void calcomConnectShowsTheUrlAndTheMadeSecretOnceAndNeverAgain() {
        var answer = as(tenant, "owner")
                .body("{\"provider\":\"calcom\",\"bookingPageUrl\":\"https://cal.com/practice/consultation\"}")
                .post("/api/booking-integrations")
                .then()
                .statusCode(201)
                .header("Location", notNullValue())
                .body("provider", equalTo("calcom"))
                .body("signingSecret", startsWith("whsec_"))
                .body("receivingUrl", startsWith("https://referrals.test/api/bookings/calcom/bk_"))
                .extract();
        String id = answer.path("id");
        assertTrue(answer.header("Location").endsWith("/api/booking-integrations/" + id));
        String secret = answer.path("signingSecret");
        String url = answer.path("receivingUrl");
        String token = url.substring(url.lastIndexOf('/') + 1);
        assertTrue(token.length() > 40, token);

        String read = as(tenant, "viewer")
                .get("/api/booking-integrations/" + id)
                .then()
                .statusCode(200)
                .body(
                        "receivingUrl",
                        equalTo("https://referrals.test/api/bookings/calcom/" + token.substring(0, 7) + "\u2026"))
                .body("signingSecret", nullValue())
                .body("deliveries", equalTo(0))
                .extract()
                .asString();
        String list = as(tenant, "member")
                .get("/api/booking-integrations")
                .then()
                .statusCode(200)
                .body("$", hasSize(1))
                .extract()
                .asString();
        for (String later : new String[] {read, list}) {
            assertFalse(later.contains(secret), "the secret is shown once");
            assertFalse(later.contains(token), "the token is shown once");
        }
        assertFalse(
                count("select count(*) from booking_integration where tenant_id = ?1 and signing_secret like '%"
                                + secret.substring(6)
                                + "%'")
                        > 0,
                "the secret is stored encrypted");

        as(tenant, "owner")
                .body("{\"provider\":\"calendly\",\"bookingPageUrl\":\"https://calendly.com/p/30min\","
                        + "\"signingSecret\":\"0123456789abcdef0123\"}")
                .post("/api/booking-integrations")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("booking-integration-exists"));
    }

    @Test
    void twoConnectsAtOnceGiveOneIntegrationAndA409NeverA500() throws Exception {
        String calcom = "{\"provider\":\"calcom\",\"bookingPageUrl\":\"https://cal.com/p/at-once\"}";
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(pool.submit(() -> as(tenant, "owner")
                        .body(calcom)
                        .post("/api/booking-integrations")
                        .statusCode()));
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get());
            }
            java.util.Collections.sort(statuses);
            assertEquals(List.of(201, 409, 409, 409), statuses);
        } finally {
            pool.shutdownNow();
        }
        as(tenant, "viewer").get("/api/booking-integrations").then().body("$", hasSize(1));
    }

    @Test
    void connectingIsTheOwnersAndCalendlyNeedsItsKey() {
        String calcom = "{\"provider\":\"calcom\",\"bookingPageUrl\":\"https://cal.com/p/c\"}";
        as(tenant, "member")
                .body(calcom)
                .post("/api/booking-integrations")
                .then()
                .statusCode(403);
        as(tenant, "viewer")
                .body(calcom)
                .post("/api/booking-integrations")
                .then()
                .statusCode(403);
        as(tenant, "owner")
                .body("{\"provider\":\"calendly\",\"bookingPageUrl\":\"https://calendly.com/p/30min\"}")
                .post("/api/booking-integrations")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        as(tenant, "owner")
                .body("{\"provider\":\"zoom\",\"bookingPageUrl\":\"https://cal.com/p/c\"}")
                .post("/api/booking-integrations")
                .then()
                .statusCode(400);
        as(tenant, "owner")
                .body("{\"provider\":\"calcom\",\"bookingPageUrl\":\"http://cal.com/p/c\"}")
                .post("/api/booking-integrations")
                .then()
                .statusCode(400);
        as(tenant, "owner")
                .body(
                        "{\"provider\":\"calcom\",\"bookingPageUrl\":\"https://cal.com/p/c\",\"signingSecret\":\"short\"}")
                .post("/api/booking-integrations")
                .then()
                .statusCode(400);
        assertEquals(0, count("select count(*) from booking_integration where tenant_id = ?1"));

        as(tenant, "owner")
                .body("{\"provider\":\"calendly\",\"bookingPageUrl\":\"https://calendly.com/p/30min\","
                        + "\"signingSecret\":\"" + BookingFixtures.CALENDLY_KEY + "\"}")
                .post("/api/booking-integrations")
                .then()
                .statusCode(201)
                .body("signingSecret", nullValue())
                .body("receivingUrl", startsWith("https://referrals.test/api/bookings/calendly/bk_"));
    }

    @Test
    void rotatingTheUrlOrTheSecretRetiresTheOldOnesAndRemovingRetiresTheUrl() {
        var integration = connectCalcom(tenant, "https://cal.com/p/c");
        String first =
                calcom("BOOKING_CREATED", "uid-" + UUID.randomUUID(), "2026-12-10T15:00:00Z", "a@example.com", null);
        postCalcom(integration, first).then().statusCode(200).body("outcome", equalTo("unmatched"));

        // A new secret, the URL kept: the old secret's signature is refused.
        var rotated = as(tenant, "owner")
                .body("{}")
                .post("/api/booking-integrations/" + integration.id() + "/rotate")
                .then()
                .statusCode(200)
                .body("signingSecret", startsWith("whsec_"))
                .body("rotatedAt", notNullValue())
                .body("receivingUrl", endsWith("\u2026"))
                .extract();
        String newSecret = rotated.path("signingSecret");
        String second =
                calcom("BOOKING_CREATED", "uid-" + UUID.randomUUID(), "2026-12-11T15:00:00Z", "b@example.com", null);
        postCalcom(integration, second).then().statusCode(401);
        postCalcom(integration.path(), hmacHex(newSecret, second), second)
                .then()
                .statusCode(200)
                .body("outcome", equalTo("unmatched"));

        // A new URL: the old one answers 404.
        String newUrl = as(tenant, "owner")
                .body("{\"newReceivingUrl\":true,\"signingSecret\":\"my-own-secret-0123456789\"}")
                .post("/api/booking-integrations/" + integration.id() + "/rotate")
                .then()
                .statusCode(200)
                .body("signingSecret", nullValue())
                .extract()
                .path("receivingUrl");
        String third =
                calcom("BOOKING_CREATED", "uid-" + UUID.randomUUID(), "2026-12-12T15:00:00Z", "c@example.com", null);
        postCalcom(integration.path(), hmacHex("my-own-secret-0123456789", third), third)
                .then()
                .statusCode(404);
        postCalcom(pathOf(newUrl), hmacHex("my-own-secret-0123456789", third), third)
                .then()
                .statusCode(200);
        as(tenant, "viewer")
                .get("/api/booking-integrations/" + integration.id())
                .then()
                .body("deliveries", equalTo(3))
                .body("refused", equalTo(1))
                .body("lastDeliveryAt", notNullValue());

        as(tenant, "member")
                .delete("/api/booking-integrations/" + integration.id())
                .then()
                .statusCode(403);
        as(tenant, "owner")
                .delete("/api/booking-integrations/" + integration.id())
                .then()
                .statusCode(204);
        String fourth =
                calcom("BOOKING_CREATED", "uid-" + UUID.randomUUID(), "2026-12-13T15:00:00Z", "d@example.com", null);
        postCalcom(pathOf(newUrl), hmacHex("my-own-secret-0123456789", fourth), fourth)
                .then()
                .statusCode(404);
        as(tenant, "viewer")
                .get("/api/booking-integrations/" + integration.id())
                .then()
                .statusCode(404);
        as(tenant, "viewer").get("/api/booking-integrations").then().body("$", hasSize(0));
        // Its bookings stay.
        as(tenant, "viewer").get("/api/bookings").then().statusCode(200).body("items", hasSize(3));
        // A new one may be connected now.
        connectCalcom(tenant, "https://cal.com/p/c");
    }

    @Test
    void anotherPracticesIntegrationAndBookingsAreNotFound() {
        var integration = connectCalcom(tenant, "https://cal.com/p/c");
        String body =
                calcom("BOOKING_CREATED", "uid-" + UUID.randomUUID(), "2026-12-10T15:00:00Z", "x@example.com", null);
        String bookingId =
                postCalcom(integration, body).then().statusCode(200).extract().path("bookingId");
        String other = "practice-" + UUID.randomUUID();
        UUID partner = knownPartner(other, "Other Partner");
        String otherReferral = BookingFixtures.referral(other, partner, "Sam Other", "sam.other@example.com");

        as(other, "owner")
                .get("/api/booking-integrations/" + integration.id())
                .then()
                .statusCode(404);
        as(other, "owner")
                .body("{}")
                .post("/api/booking-integrations/" + integration.id() + "/rotate")
                .then()
                .statusCode(404);
        as(other, "owner")
                .delete("/api/booking-integrations/" + integration.id())
                .then()
                .statusCode(404);
        as(other, "owner").get("/api/booking-integrations").then().body("$", hasSize(0));
        as(other, "owner").get("/api/bookings").then().body("items", hasSize(0));
        as(other, "owner")
                .body("{\"referralId\":\"" + otherReferral + "\"}")
                .post("/api/bookings/" + bookingId + "/match")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        as(other, "owner")
                .post("/api/bookings/" + bookingId + "/dismiss")
                .then()
                .statusCode(404);
        // Nor can this practice match its booking to the other practice's referral.
        as(tenant, "owner")
                .body("{\"referralId\":\"" + otherReferral + "\"}")
                .post("/api/bookings/" + bookingId + "/match")
                .then()
                .statusCode(404);
        as(tenant, "viewer").get("/api/bookings").then().body("items[0].state", equalTo("unmatched"));
    }

    @Test
    void refusedDeliveriesStoreNothingButTheRefusedCount() {
        UUID partner = knownPartner(tenant, "Dana Lee");
        var calcomIntegration = connectCalcom(tenant, "https://cal.com/p/c");
        String referralId = BookingFixtures.referral(tenant, partner, "Riley Moss", "riley@example.com");
        String code = as(tenant, "viewer")
                .get("/api/referrals/" + referralId)
                .then()
                .extract()
                .path("bookingCode");
        String body = calcom(
                "BOOKING_CREATED", "uid-" + UUID.randomUUID(), "2026-12-10T15:00:00Z", "riley@example.com", code);
        String signature = hmacHex(calcomIntegration.secret(), body);

        // A byte changed after signing.
        postCalcom(calcomIntegration.path(), signature, body.replace("15:00:00Z", "16:00:00Z"))
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("type", endsWith("booking-signature-invalid"));
        // A wrong secret.
        postCalcom(calcomIntegration.path(), hmacHex("whsec_not-the-secret-0000000000", body), body)
                .then()
                .statusCode(401);
        // No signature.
        postCalcom(calcomIntegration.path(), null, body).then().statusCode(401);
        // Signed, but not JSON, and a known trigger without its uid.
        String notJson = "{\"triggerEvent\":\"BOOKING_CREATED\",";
        postCalcom(calcomIntegration.path(), hmacHex(calcomIntegration.secret(), notJson), notJson)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        String noUid = body.replaceFirst("\"uid\":\"[^\"]*\",", "");
        postCalcom(calcomIntegration.path(), hmacHex(calcomIntegration.secret(), noUid), noUid)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("payload.uid"));
        // An unknown token, and a Cal.com token on Calendly's path.
        postCalcom("/api/bookings/calcom/bk_unknown", signature, body).then().statusCode(404);
        postCalendly(calcomIntegration.path().replace("/calcom/", "/calendly/"), "t=1,v1=00", body)
                .then()
                .statusCode(404);
        // Larger than 64 KB.
        String large = body.replace("\"description\":\"\"", "\"description\":\"" + "x".repeat(70_000) + "\"");
        postCalcom(calcomIntegration.path(), hmacHex(calcomIntegration.secret(), large), large)
                .then()
                .statusCode(413);

        assertNothingStored(referralId);
        as(tenant, "viewer")
                .get("/api/booking-integrations/" + calcomIntegration.id())
                .then()
                .body("refused", equalTo(5))
                .body("deliveries", equalTo(0));

        // The same delivery properly signed goes through.
        postCalcom(calcomIntegration.path(), signature, body)
                .then()
                .statusCode(200)
                .body("outcome", equalTo("booked"));
    }

    @Test
    void calendlyRefusesStaleUnsignedAndWronglySignedDeliveries() {
        UUID partner = knownPartner(tenant, "Dana Lee");
        String referralId = BookingFixtures.referral(tenant, partner, "Riley Moss", "riley.c@example.com");
        var integration = connectCalendly(tenant, "https://calendly.com/p/30min");
        String body = calendly(
                "invitee.created", inviteeUri(), "2026-12-10T15:00:00Z", "riley.c@example.com", null, false, null);

        postCalendly(
                        integration.path(),
                        calendlySignature(integration.secret(), Instant.now().minusSeconds(600), body),
                        body)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("type", endsWith("booking-signature-stale"));
        postCalendly(integration.path(), null, body)
                .then()
                .statusCode(401)
                .body("type", endsWith("booking-signature-invalid"));
        postCalendly(integration.path(), calendlySignature("not-the-key-0123456789", Instant.now(), body), body)
                .then()
                .statusCode(401);
        postCalendly(integration.path(), calendlySignature(integration.secret(), Instant.now(), body), body + " ")
                .then()
                .statusCode(401);
        // Cal.com's signature on Calendly's URL.
        postCalcom(integration.path(), hmacHex(integration.secret(), body), body)
                .then()
                .statusCode(401);

        assertNothingStored(referralId);
        as(tenant, "viewer")
                .get("/api/booking-integrations/" + integration.id())
                .then()
                .body("refused", equalTo(5));
        postCalendly(integration, body).then().statusCode(200).body("outcome", equalTo("booked"));
    }

    @Test
    void aFloodIsCutOffPerIntegrationWithRetryAfter() {
        var integration = connectCalcom(tenant, "https://cal.com/p/c");
        Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.DAYS);
        clock.set(minute.plusSeconds(20));
        try {
            String ping = "{\"triggerEvent\":\"PING\",\"createdAt\":\"2026-12-07T09:00:00Z\",\"payload\":{}}";
            for (int i = 0; i < 20; i++) {
                postCalcom(integration, ping).then().statusCode(200).body("outcome", equalTo("ignored"));
            }
            postCalcom(integration, ping)
                    .then()
                    .statusCode(429)
                    .contentType("application/problem+json")
                    .header("Retry-After", equalTo("41"));
            // Another practice's integration is not limited by this one's flood.
            var other = connectCalcom("practice-" + UUID.randomUUID(), "https://cal.com/q/c");
            postCalcom(other, ping).then().statusCode(200);
            clock.set(minute.plusSeconds(60));
            postCalcom(integration, ping).then().statusCode(200);
        } finally {
            clock.reset();
        }
    }

    @Test
    void documentsTheBookingApi() {
        io.restassured.RestAssured.given()
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body("paths.'/api/booking-integrations'.post.operationId", equalTo("connectBookingIntegration"))
                .body("paths.'/api/booking-integrations'.get.operationId", equalTo("listBookingIntegrations"))
                .body("paths.'/api/booking-integrations/{id}'.get.operationId", equalTo("getBookingIntegration"))
                .body("paths.'/api/booking-integrations/{id}'.delete.operationId", equalTo("removeBookingIntegration"))
                .body(
                        "paths.'/api/booking-integrations/{id}/rotate'.post.operationId",
                        equalTo("rotateBookingIntegration"))
                .body(
                        "paths.'/api/booking-integrations'.post.responses.'409'.content.'application/problem+json'",
                        notNullValue())
                .body("paths.'/api/bookings'.get.operationId", equalTo("listBookings"))
                .body("paths.'/api/bookings/{id}/match'.post.operationId", equalTo("matchBooking"))
                .body("paths.'/api/bookings/{id}/dismiss'.post.operationId", equalTo("dismissBooking"))
                .body("paths.'/api/bookings/calcom/{token}'.post.operationId", equalTo("receiveCalcomBooking"))
                .body("paths.'/api/bookings/calendly/{token}'.post.operationId", equalTo("receiveCalendlyBooking"))
                .body("paths.'/api/bookings/calcom/{token}'.post.security", hasSize(0))
                .body(
                        "paths.'/api/bookings/calendly/{token}'.post.responses.'429'.headers.'Retry-After'",
                        notNullValue())
                .body(
                        "paths.'/api/bookings/calendly/{token}'.post.responses.'401'.content.'application/problem+json'",
                        notNullValue())
                .body("components.schemas.BookingIntegration.properties.receivingUrl", notNullValue())
                .body("components.schemas.BookingIntegration.properties.signingSecret", nullValue())
                .body("components.schemas.BookingIntegrationSecret.properties.signingSecret", notNullValue())
                .body("components.schemas.ConnectBookingIntegration.properties.provider", notNullValue())
                .body("components.schemas.RotateBookingIntegration.properties.newReceivingUrl", notNullValue())
                .body("components.schemas.Booking.properties.attendeeEmail", notNullValue())
                .body("components.schemas.BookingReceipt.properties.outcome", notNullValue())
                .body("components.schemas.Referral.properties.bookingCode", notNullValue())
                .body("components.schemas.Referral.properties.bookingLink", notNullValue())
                .body("components.schemas.Referral.properties.consultationAt", notNullValue())
                .body("components.schemas.Referral.properties.booking", notNullValue())
                .body("components.schemas.PortalReferral.properties.bookingLink", notNullValue())
                .body("components.schemas.IntakeReceipt.properties.bookingLink", notNullValue());
    }

    private void assertNothingStored(String referralId) {
        assertEquals(0, count("select count(*) from booking where tenant_id = ?1"));
        assertEquals(
                0,
                count("select count(*) from booking_delivery d join booking_integration i on i.id = d.integration_id "
                        + "where i.tenant_id = ?1"));
        assertEquals(
                0,
                count("select count(*) from outbox_event where tenant_id = ?1 and event_type = '"
                        + EventTypes.REFERRAL_BOOKING_CHANGED.cloudEventType() + "'"));
        as(tenant, "viewer")
                .get("/api/referrals/" + referralId)
                .then()
                .body("status", equalTo("received"))
                .body("consultationAt", nullValue())
                .body("booking", nullValue());
        assertEquals(
                0,
                count("select count(*) from referral_status_change where tenant_id = ?1 and to_status = "
                        + "'CONSULTATION_BOOKED'"));
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
