package io.referrals.partner;

import static io.referrals.testing.Api.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.events.CloudEvent;
import io.referrals.events.EventCodec;
import io.referrals.events.EventTypes;
import io.referrals.events.Topics;
import io.referrals.events.notification.NotificationSent;
import io.referrals.events.partner.TouchpointLogged;
import io.referrals.testing.KafkaTestClient;
import io.referrals.testing.PlatformTestResource;
import io.referrals.testing.TestClock;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class TouchpointResourceTest {
    private final String tenant = "practice-" + UUID.randomUUID();
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Inject
    TestClock clock;

    private String createPartner(String name, String extraJson) {
        return as(tenant, "owner")
                .body("{\"name\":\"" + name + "\",\"category\":\"professional\"" + extraJson + "}")
                .post("/api/partners")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private String log(String partnerId, String kind, Instant occurredAt) {
        return as(tenant, "member")
                .body("{\"kind\":\"" + kind + "\",\"occurredAt\":\"" + occurredAt + "\",\"note\":\"Coffee\"}")
                .post("/api/partners/" + partnerId + "/touchpoints")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/partners/" + partnerId + "/touchpoints/"))
                .body("partnerId", equalTo(partnerId))
                .body("kind", equalTo(kind))
                .body("createdBy", equalTo("user@" + tenant))
                .extract()
                .path("id");
    }

    private Instant partnerInstant(String partnerId, String field) {
        String value = as(tenant, "viewer")
                .get("/api/partners/" + partnerId)
                .then()
                .statusCode(200)
                .extract()
                .path(field);
        return value == null ? null : Instant.parse(value);
    }

    @Test
    void aTouchpointMovesTheNextCheckInToOneCadenceAfterIt() {
        String monthly = createPartner("Monthly", "");
        String fortnightly = createPartner("Fortnightly", ",\"checkInCadenceDays\":14");
        Instant occurred = now.minus(Duration.ofDays(2));

        String touchpointId = log(monthly, "meeting", occurred);
        log(fortnightly, "call", occurred);

        assertEquals(occurred, partnerInstant(monthly, "lastTouchpointAt"));
        assertEquals(occurred.plus(Duration.ofDays(30)), partnerInstant(monthly, "nextCheckInDue"));
        assertEquals(occurred.plus(Duration.ofDays(14)), partnerInstant(fortnightly, "nextCheckInDue"));
        assertTrue(partnerInstant(monthly, "updatedAt").isAfter(partnerInstant(monthly, "createdAt")));
        as(tenant, "viewer")
                .get("/api/partners/" + monthly + "/touchpoints/" + touchpointId)
                .then()
                .statusCode(200)
                .body("kind", equalTo("meeting"))
                .body("note", equalTo("Coffee"));
    }

    @Test
    void aBackDatedTouchpointDoesNotMoveTheLastTouchpointBack() {
        String id = createPartner("Back Dated", "");
        Instant recent = now.minus(Duration.ofDays(1));
        Instant older = now.minus(Duration.ofDays(10));
        Instant oldest = now.minus(Duration.ofDays(20));
        log(id, "email", recent);
        log(id, "gift", older);
        log(id, "thank_you", oldest);

        assertEquals(recent, partnerInstant(id, "lastTouchpointAt"));
        assertEquals(recent.plus(Duration.ofDays(30)), partnerInstant(id, "nextCheckInDue"));

        List<String> kinds = as(tenant, "viewer")
                .get("/api/partners/" + id + "/touchpoints")
                .then()
                .statusCode(200)
                .body("total", equalTo(3))
                .extract()
                .path("items.kind");
        assertEquals(List.of("email", "gift", "thank_you"), kinds, "newest first");
        as(tenant, "viewer")
                .queryParam("size", 2)
                .queryParam("page", 1)
                .get("/api/partners/" + id + "/touchpoints")
                .then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("page", equalTo(1))
                .body("items.size()", equalTo(1))
                .body("items[0].kind", equalTo("thank_you"));
    }

    @Test
    void checkInsDueListsTheMostOverdueFirstAndDropsAPartnerOnceContacted() {
        String longAgo = createPartner("Long Ago", "");
        String aWhileAgo = createPartner("A While Ago", "");
        createPartner("Just Met", "");
        log(longAgo, "call", now.minus(Duration.ofDays(50)));
        log(aWhileAgo, "call", now.minus(Duration.ofDays(40)));

        List<String> due = as(tenant, "viewer")
                .get("/api/partners/check-ins-due")
                .then()
                .statusCode(200)
                .extract()
                .path("id");
        assertEquals(List.of(longAgo, aWhileAgo), due);

        log(longAgo, "meeting", now);
        due = as(tenant, "viewer")
                .get("/api/partners/check-ins-due")
                .then()
                .statusCode(200)
                .extract()
                .path("id");
        assertEquals(List.of(aWhileAgo), due);

        String inSixWeeks = now.plus(Duration.ofDays(42)).toString();
        due = as(tenant, "viewer")
                .queryParam("before", inSixWeeks)
                .get("/api/partners/check-ins-due")
                .then()
                .statusCode(200)
                .extract()
                .path("name");
        assertEquals(
                List.of("A While Ago", "Long Ago", "Just Met"), due, "a later horizon includes more, in due order");
    }

    @Test
    void aSentThankYouIsLoggedOnceAsAThankYouTouchpointAndMovesTheCheckIn() {
        String id = createPartner("Thanked", "");
        Instant sentAt = now.minus(Duration.ofHours(5));
        UUID notificationId = UUID.randomUUID();
        var kafka = new KafkaTestClient(PlatformTestResource.bootstrapServers());
        var sent = new NotificationSent(
                notificationId, NotificationSent.THANK_YOU, UUID.fromString(id), UUID.randomUUID(), sentAt);
        CloudEvent event = EventCodec.wrap(
                EventTypes.NOTIFICATION_SENT, "/notification-service", tenant, notificationId.toString(), sent);
        // Another kind of message, on the same key and so read first, is no touchpoint.
        kafka.send(
                Topics.NOTIFICATION_EVENTS,
                EventCodec.wrap(
                        EventTypes.NOTIFICATION_SENT,
                        "/notification-service",
                        tenant,
                        notificationId.toString(),
                        new NotificationSent(UUID.randomUUID(), "outcome_update", UUID.fromString(id), null, now)));

        kafka.send(Topics.NOTIFICATION_EVENTS, event);
        kafka.send(Topics.NOTIFICATION_EVENTS, event);
        // Republished under a new event id (a relay retry after a crash): still one touchpoint.
        kafka.send(
                Topics.NOTIFICATION_EVENTS,
                EventCodec.wrap(
                        EventTypes.NOTIFICATION_SENT,
                        "/notification-service",
                        tenant,
                        notificationId.toString(),
                        sent));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertEquals(sentAt, partnerInstant(id, "lastTouchpointAt")));
        assertEquals(sentAt.plus(Duration.ofDays(30)), partnerInstant(id, "nextCheckInDue"));
        List<CloudEvent> logged = kafka.eventsFor(Topics.PARTNER_EVENTS, id, 2, Duration.ofSeconds(30));
        assertTrue(logged.stream().anyMatch(e -> e.type().equals(EventTypes.TOUCHPOINT_LOGGED.cloudEventType())));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> as(tenant, "viewer")
                        .get("/api/partners/" + id + "/touchpoints")
                        .then()
                        .statusCode(200)
                        .body("total", equalTo(1))
                        .body("items[0].id", equalTo(notificationId.toString()))
                        .body("items[0].kind", equalTo("thank_you")));
    }

    @Test
    void theTouchpointLoggedEventCarriesTheNewCheckInAndIsKeyedByThePartner() {
        String id = createPartner("Evented", "");
        Instant occurred = now.minus(Duration.ofDays(3));
        String touchpointId = log(id, "event", occurred);

        List<CloudEvent> events = new KafkaTestClient(PlatformTestResource.bootstrapServers())
                .eventsFor(Topics.PARTNER_EVENTS, id, 2, Duration.ofSeconds(30));
        CloudEvent event = events.stream()
                .filter(e -> e.type().equals(EventTypes.TOUCHPOINT_LOGGED.cloudEventType()))
                .findFirst()
                .orElseThrow();
        assertEquals(tenant, event.tenantid());
        TouchpointLogged data = EventCodec.data(event, EventTypes.TOUCHPOINT_LOGGED);
        assertEquals(UUID.fromString(touchpointId), data.touchpointId());
        assertEquals(UUID.fromString(id), data.partnerId());
        assertEquals("event", data.kind());
        assertEquals(occurred, data.occurredAt());
        assertEquals(occurred.plus(Duration.ofDays(30)), data.nextCheckInDue());
    }

    @Test
    void thePracticeCadenceMovesDueDatesAndAPartnerOverrideWins() {
        String usesDefault = createPartner("Default Cadence", "");
        String overrides = createPartner("Own Cadence", ",\"checkInCadenceDays\":14");
        Instant occurred = now.minus(Duration.ofDays(5));
        log(usesDefault, "call", occurred);
        log(overrides, "call", occurred);

        as(tenant, "owner")
                .body("{\"idealReferral\":{},\"defaultCheckInCadenceDays\":7}")
                .put("/api/practice")
                .then()
                .statusCode(200)
                .body("defaultCheckInCadenceDays", equalTo(7));

        assertEquals(occurred.plus(Duration.ofDays(7)), partnerInstant(usesDefault, "nextCheckInDue"));
        assertEquals(occurred.plus(Duration.ofDays(14)), partnerInstant(overrides, "nextCheckInDue"));
        List<String> due = as(tenant, "viewer")
                .get("/api/partners/check-ins-due")
                .then()
                .extract()
                .path("id");
        assertEquals(List.of(), due, "due in two days, not yet");

        log(usesDefault, "email", occurred.plus(Duration.ofDays(1)));
        assertEquals(occurred.plus(Duration.ofDays(8)), partnerInstant(usesDefault, "nextCheckInDue"));
    }

    @Test
    void aTouchpointWithoutADateHappenedNow() {
        String id = createPartner("Undated", "");
        clock.set(now);
        try {
            as(tenant, "owner")
                    .body("{\"kind\":\"call\"}")
                    .post("/api/partners/" + id + "/touchpoints")
                    .then()
                    .statusCode(201)
                    .body("occurredAt", notNullValue());
            assertEquals(now, partnerInstant(id, "lastTouchpointAt"));
        } finally {
            clock.reset();
        }
    }

    @Test
    void rejectsInvalidTouchpoints() {
        String id = createPartner("Validated", "");
        String path = "/api/partners/" + id + "/touchpoints";
        as(tenant, "owner")
                .body("{\"note\":\"no kind\"}")
                .post(path)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("kind"));
        as(tenant, "owner")
                .body("{\"kind\":\"carrier_pigeon\"}")
                .post(path)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("kind"));
        as(tenant, "owner")
                .body("{\"kind\":\"call\",\"occurredAt\":\"" + now.plus(Duration.ofDays(2)) + "\"}")
                .post(path)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("occurredAt"));
        as(tenant, "owner")
                .body("{\"kind\":\"call\",\"note\":\"" + "x".repeat(4001) + "\"}")
                .post(path)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("note"));
        as(tenant, "owner")
                .body("{\"kind\":\"call\",\"occurredAt\":\"yesterday\"}")
                .post(path)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("occurredAt"));
        as(tenant, "viewer").get(path).then().statusCode(200).body("total", equalTo(0));
        assertNull(partnerInstant(id, "lastTouchpointAt"));

        as(tenant, "owner")
                .body("{\"kind\":\"call\",\"occurredAt\":\"" + now.plus(Duration.ofHours(12)) + "\"}")
                .post(path)
                .then()
                .statusCode(201);
    }

    @Test
    void viewersCannotLogTouchpointsButCanReadThem() {
        String id = createPartner("Viewed", "");
        as(tenant, "viewer")
                .body("{\"kind\":\"call\"}")
                .post("/api/partners/" + id + "/touchpoints")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        as(tenant, "viewer")
                .get("/api/partners/" + id + "/touchpoints")
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void anotherPracticesPartnerIsNotFoundOnBothPaths() {
        String id = createPartner("Private", "");
        String touchpointId = log(id, "call", now.minus(Duration.ofDays(1)));
        String stranger = "practice-" + UUID.randomUUID();
        as(stranger, "owner")
                .body("{\"kind\":\"call\"}")
                .post("/api/partners/" + id + "/touchpoints")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        as(stranger, "owner")
                .get("/api/partners/" + id + "/touchpoints")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        as(stranger, "owner")
                .get("/api/partners/" + id + "/touchpoints/" + touchpointId)
                .then()
                .statusCode(404);
        as(tenant, "owner")
                .get("/api/partners/" + UUID.randomUUID() + "/touchpoints")
                .then()
                .statusCode(404);
        as(tenant, "viewer").get("/api/partners/" + id + "/touchpoints").then().body("total", equalTo(1));
    }

    @Test
    void anArchivedPartnerTakesNoTouchpoints() {
        String id = createPartner("Archived", "");
        as(tenant, "owner").delete("/api/partners/" + id).then().statusCode(200);
        as(tenant, "owner")
                .body("{\"kind\":\"call\"}")
                .post("/api/partners/" + id + "/touchpoints")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://referrals.example/problems/partner-archived"));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyLogsNothingNew() {
        String id = createPartner("Retried", "");
        String body = "{\"kind\":\"gift\",\"occurredAt\":\"" + now.minus(Duration.ofDays(1)) + "\"}";
        String first = as(tenant, "owner")
                .header("Idempotency-Key", "gift-1")
                .body(body)
                .post("/api/partners/" + id + "/touchpoints")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(tenant, "owner")
                .header("Idempotency-Key", "gift-1")
                .body(body)
                .post("/api/partners/" + id + "/touchpoints")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(first));
        as(tenant, "owner")
                .header("Idempotency-Key", "gift-1")
                .body("{\"kind\":\"call\"}")
                .post("/api/partners/" + id + "/touchpoints")
                .then()
                .statusCode(422);
        as(tenant, "viewer").get("/api/partners/" + id + "/touchpoints").then().body("total", equalTo(1));
    }
}
