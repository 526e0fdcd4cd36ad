package io.referrals.referral;

import static io.referrals.referral.Fixtures.as;
import static io.referrals.referral.Fixtures.kafka;
import static io.referrals.referral.Fixtures.knownPartner;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.events.CloudEvent;
import io.referrals.events.EventCodec;
import io.referrals.events.EventTypes;
import io.referrals.events.Topics;
import io.referrals.testing.PlatformTestResource;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class GivenReferralTest {
    private final String tenant = "practice-" + UUID.randomUUID();
    private UUID partnerId;

    @BeforeEach
    void partnerKnownFromEvents() {
        partnerId = knownPartner(tenant, "Dana Lee");
    }

    private static String body(UUID partnerId, String name, String givenOn) {
        return """
                {"partnerId":"%s","person":{"name":"%s","email":"jordan.blake@example.com","phone":"+1 555 0142"},
                 "need":"Financial plan after a career change","note":"Told Dana to expect a call"%s}""".formatted(partnerId, name, givenOn == null ? "" : ",\"givenOn\":\"" + givenOn + "\"");
    }

    @Test
    void aReferralGivenIsRecordedListedByPartnerNewestFirstAndAnnouncedWithoutThePerson() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String todays = as(tenant, "member")
                .body(body(partnerId, "Jordan Blake", null))
                .post("/api/referrals/given")
                .then()
                .statusCode(201)
                .contentType("application/json")
                .body("partnerId", equalTo(partnerId.toString()))
                .body("partnerName", equalTo("Dana Lee"))
                .body("person.name", equalTo("Jordan Blake"))
                .body("person.email", equalTo("jordan.blake@example.com"))
                .body("need", equalTo("Financial plan after a career change"))
                .body("givenOn", equalTo(today.toString()))
                .body("createdAt", notNullValue())
                .extract()
                .path("id");
        String older = as(tenant, "owner")
                .body(body(partnerId, "Older One", today.minusDays(3).toString()))
                .post("/api/referrals/given")
                .then()
                .statusCode(201)
                .body("givenOn", equalTo(today.minusDays(3).toString()))
                .extract()
                .path("id");
        UUID otherPartner = knownPartner(tenant, "Other Partner");
        String elsewhere = as(tenant, "owner")
                .body("""
                {"partnerId":"%s","person":{"name":"No Contact"},"need":"Therapy"}""".formatted(otherPartner))
                .post("/api/referrals/given")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        as(tenant, "viewer")
                .get("/api/referrals/given?partnerId=" + partnerId)
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items.id", contains(todays, older));
        as(tenant, "viewer")
                .get("/api/referrals/given?partnerId=" + partnerId + "&size=1&page=1")
                .then()
                .body("total", equalTo(2))
                .body("items.id", contains(older));
        as(tenant, "viewer")
                .get("/api/referrals/given")
                .then()
                .body("total", equalTo(3))
                .body("items.id", hasItem(elsewhere));

        List<CloudEvent> events = kafka().eventsFor(Topics.REFERRAL_EVENTS, todays, 1, Duration.ofSeconds(30));
        assertEquals(EventTypes.REFERRAL_GIVEN.cloudEventType(), events.get(0).type());
        var given = EventCodec.data(events.get(0), EventTypes.REFERRAL_GIVEN);
        assertEquals(UUID.fromString(todays), given.givenId());
        assertEquals(partnerId, given.partnerId());
        assertEquals(today, given.givenOn());
        String json = EventCodec.encode(events.get(0));
        assertFalse(
                json.contains("Jordan")
                        || json.contains("jordan.blake@example.com")
                        || json.contains("555 0142")
                        || json.contains("career change")
                        || json.contains("expect a call"),
                json);
    }

    @Test
    void aGivenReferralMayCarryItsEstimatedValueForReciprocity() {
        String id = as(tenant, "owner")
                .body("""
                {"partnerId":"%s","person":{"name":"Valued"},"need":"Bookkeeping","estimatedValue":"1200.00",
                 "currency":"USD"}""".formatted(partnerId))
                .post("/api/referrals/given")
                .then()
                .statusCode(201)
                .body("estimatedValue", equalTo("1200.00"))
                .body("currency", equalTo("USD"))
                .extract()
                .path("id");
        var given = EventCodec.data(
                kafka().eventsFor(Topics.REFERRAL_EVENTS, id, 1, Duration.ofSeconds(30))
                        .get(0),
                EventTypes.REFERRAL_GIVEN);
        assertEquals("USD", given.estimatedValue().currency());
        assertEquals(
                0,
                new java.math.BigDecimal("1200.00")
                        .compareTo(given.estimatedValue().amount()));

        as(tenant, "owner")
                .body("""
                {"partnerId":"%s","person":{"name":"Half"},"need":"X","estimatedValue":"10.00"}""".formatted(partnerId))
                .post("/api/referrals/given")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("currency"));
    }

    @Test
    void rejectsUnknownPartnersFutureDatesAndMissingFields() {
        as(tenant, "owner")
                .body(body(UUID.randomUUID(), "Lost", null))
                .post("/api/referrals/given")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", endsWith("unknown-partner"));
        as(tenant, "owner")
                .body(body(
                        partnerId,
                        "Tomorrow",
                        LocalDate.now(ZoneOffset.UTC).plusDays(2).toString()))
                .post("/api/referrals/given")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("givenOn"));
        as(tenant, "owner")
                .body("{\"partnerId\":\"" + partnerId + "\",\"person\":{\"name\":\"\",\"email\":\"bad\"}}")
                .post("/api/referrals/given")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("person.name"))
                .body("errors.field", hasItem("person.email"))
                .body("errors.field", hasItem("need"));
        as(tenant, "owner")
                .body("{\"person\":{\"name\":\"X\"},\"need\":\"Y\"}")
                .post("/api/referrals/given")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("partnerId"));
        as(tenant, "viewer").get("/api/referrals/given").then().body("total", equalTo(0));
    }

    @Test
    void viewersReadAndAnotherPracticeSeesNothing() {
        as(tenant, "viewer")
                .body(body(partnerId, "Viewer Try", null))
                .post("/api/referrals/given")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        as(tenant, "owner")
                .body(body(partnerId, "Kept Private", null))
                .post("/api/referrals/given")
                .then()
                .statusCode(201);
        String stranger = "practice-" + UUID.randomUUID();
        as(stranger, "owner").get("/api/referrals/given").then().statusCode(200).body("total", equalTo(0));
        as(stranger, "owner")
                .get("/api/referrals/given?partnerId=" + partnerId)
                .then()
                .body("total", equalTo(0));
        // The partner is unknown in another practice.
        as(stranger, "owner")
                .body(body(partnerId, "Cross", null))
                .post("/api/referrals/given")
                .then()
                .statusCode(422);
    }
}
