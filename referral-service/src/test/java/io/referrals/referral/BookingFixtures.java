package io.referrals.referral;

import static io.referrals.referral.Fixtures.as;
import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Deliveries in the shapes Cal.com's and Calendly's documentation give, signed here with javax.crypto directly (not
 * with the service's code), and posted to a receiving URL as the providers post them.
 */
final class BookingFixtures {
    static final String CALENDLY_KEY = "calendly-webhook-signing-key-0123456789";

    private BookingFixtures() {}

    /** A connected integration: its id, the receiving URL's path and the secret the provider signs with. */
    record Integration(String id, String path, String secret) {}

    static Integration connectCalcom(String tenant, String bookingPageUrl) {
        var answer = as(tenant, "owner")
                .body("{\"provider\":\"calcom\",\"bookingPageUrl\":\"" + bookingPageUrl + "\"}")
                .post("/api/booking-integrations")
                .then()
                .statusCode(201)
                .extract();
        return new Integration(answer.path("id"), pathOf(answer.path("receivingUrl")), answer.path("signingSecret"));
    }

    static Integration connectCalendly(String tenant, String bookingPageUrl) {
        var answer = as(tenant, "owner")
                .body("{\"provider\":\"calendly\",\"bookingPageUrl\":\"" + bookingPageUrl + "\",\"signingSecret\":\""
                        + CALENDLY_KEY + "\"}")
                .post("/api/booking-integrations")
                .then()
                .statusCode(201)
                .extract();
        return new Integration(answer.path("id"), pathOf(answer.path("receivingUrl")), CALENDLY_KEY);
    }

    /** The path of a receiving URL (the tests post to the service itself). */
    static String pathOf(String receivingUrl) {
        return receivingUrl.substring(receivingUrl.indexOf("/api/bookings/"));
    }

    static String hmacHex(String key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Response postCalcom(Integration integration, String body) {
        return postCalcom(integration.path(), hmacHex(integration.secret(), body), body);
    }

    static Response postCalcom(String path, String signature, String body) {
        var request = given().contentType(ContentType.JSON).body(body.getBytes(StandardCharsets.UTF_8));
        if (signature != null) {
            request = request.header("X-Cal-Signature-256", signature);
        }
        return request.post(path);
    }

    static Response postCalendly(Integration integration, String body) {
        return postCalendly(integration.path(), calendlySignature(integration.secret(), Instant.now(), body), body);
    }

    static String calendlySignature(String key, Instant at, String body) {
        long t = at.getEpochSecond();
        return "t=" + t + ",v1=" + hmacHex(key, t + "." + body);
    }

    static Response postCalendly(String path, String signatureHeader, String body) {
        var request = given().contentType(ContentType.JSON).body(body.getBytes(StandardCharsets.UTF_8));
        if (signatureHeader != null) {
            request = request.header("Calendly-Webhook-Signature", signatureHeader);
        }
        return request.post(path);
    }

    /** Cal.com's webhook body: {@code {triggerEvent, createdAt, payload}}. */
    static String calcom(String trigger, String uid, String start, String email, String ref) {
        return calcom(trigger, uid, null, start, email, ref);
    }

    static String calcom(String trigger, String uid, String rescheduleUid, String start, String email, String ref) {
        Instant startsAt = Instant.parse(start);
        return """
                {"triggerEvent":"%s","createdAt":"2026-12-07T09:00:00.000Z","payload":{"type":"consultation",\
                "title":"Consultation between Practice and Riley Moss","description":"",\
                "startTime":"%s","endTime":"%s",\
                "organizer":{"id":5,"name":"Practice","email":"practice@example.com","timeZone":"Europe/Berlin",\
                "language":{"locale":"en"}},\
                "attendees":[{"name":"Riley Moss","email":"%s","timeZone":"Europe/Berlin","language":{"locale":"en"}}],\
                "uid":"%s",%s"metadata":%s,"responses":{"name":{"label":"your_name","value":"Riley Moss"}},\
                "location":"integrations:daily","status":"ACCEPTED"}}""".formatted(
                        trigger,
                        startsAt,
                        startsAt.plusSeconds(1800),
                        email,
                        uid,
                        rescheduleUid == null ? "" : "\"rescheduleUid\":\"" + rescheduleUid + "\",",
                        ref == null ? "{}" : "{\"ref\":\"" + ref + "\"}");
    }

    /** Calendly's webhook body: {@code {created_at, created_by, event, payload}} with the invitee as payload. */
    static String calendly(
            String event,
            String inviteeUri,
            String start,
            String email,
            String utmContent,
            boolean rescheduled,
            String oldInvitee) {
        Instant startsAt = Instant.parse(start);
        return """
                {"created_at":"2026-12-07T09:00:00.000000Z","created_by":"https://api.calendly.com/users/AAAA",\
                "event":"%s","payload":{"cancel_url":"https://calendly.com/cancellations/X",\
                "created_at":"2026-12-07T09:00:00.000000Z","email":"%s","first_name":null,"last_name":null,\
                "name":"Riley Moss","new_invitee":null,"no_show":null,"old_invitee":%s,"payment":null,\
                "questions_and_answers":[],"reconfirmation":null,"reschedule_url":"https://calendly.com/reschedulings/X",\
                "rescheduled":%s,"routing_form_submission":null,"status":"%s","text_reminder_number":null,\
                "timezone":"Europe/Berlin","tracking":{"utm_campaign":null,"utm_source":null,"utm_medium":null,\
                "utm_content":%s,"utm_term":null,"salesforce_uuid":null},"updated_at":"2026-12-07T09:00:00.000000Z",\
                "uri":"%s","scheduled_event":{"uri":"https://api.calendly.com/scheduled_events/%s",\
                "name":"Consultation","status":"active","start_time":"%s","end_time":"%s",\
                "event_type":"https://api.calendly.com/event_types/T"}}}""".formatted(
                        event,
                        email,
                        oldInvitee == null ? "null" : "\"" + oldInvitee + "\"",
                        rescheduled,
                        event.equals("invitee.canceled") ? "canceled" : "active",
                        utmContent == null ? "null" : "\"" + utmContent + "\"",
                        inviteeUri,
                        UUID.randomUUID(),
                        startsAt,
                        startsAt.plusSeconds(1800));
    }

    static String inviteeUri() {
        return "https://api.calendly.com/scheduled_events/" + UUID.randomUUID() + "/invitees/" + UUID.randomUUID();
    }

    /** A referral received through the API, its id. */
    static String referral(String tenant, UUID partnerId, String name, String email) {
        return as(tenant, "owner")
                .header("Idempotency-Key", "ref-" + UUID.randomUUID())
                .body(Fixtures.referralBody(partnerId, name, email))
                .post("/api/referrals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
