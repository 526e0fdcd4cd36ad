package io.referrals.referral;

import static io.referrals.referral.Fixtures.as;
import static io.referrals.referral.Fixtures.kafka;
import static io.referrals.referral.Fixtures.knownPartner;
import static io.referrals.referral.Fixtures.referralBody;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.events.CloudEvent;
import io.referrals.events.Consent;
import io.referrals.events.EventCodec;
import io.referrals.events.EventTypes;
import io.referrals.events.ReferralStatus;
import io.referrals.events.Topics;
import io.referrals.referral.service.ReferralLifecycle;
import io.referrals.testing.PlatformTestResource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class ReferralLifecycleTest {
    private static final Set<ReferralStatus> CLOSED =
            EnumSet.of(ReferralStatus.NOT_A_FIT, ReferralStatus.DECLINED, ReferralStatus.NO_RESPONSE);

    private final String tenant = "practice-" + UUID.randomUUID();
    private UUID partnerId;

    @Inject
    EntityManager entityManager;

    @BeforeEach
    void partnerKnownFromEvents() {
        partnerId = knownPartner(tenant, "Dana Lee");
    }

    private String receive(String name) {
        return as(tenant, "owner")
                .body(referralBody(partnerId, name, name.toLowerCase().replace(' ', '.') + "@example.com"))
                .post("/api/referrals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static String statusBody(ReferralStatus to) {
        return to == ReferralStatus.CONVERTED
                ? "{\"status\":\"converted\",\"programValue\":\"900.00\",\"currency\":\"USD\"}"
                : "{\"status\":\"" + to.json() + "\"}";
    }

    /** Walks to the given open status along the shortest legal path. */
    private String referralIn(ReferralStatus status) {
        String id = receive("Walk " + UUID.randomUUID().toString().substring(0, 8));
        List<ReferralStatus> path = switch (status) {
            case RECEIVED -> List.of();
            case CONTACTED -> List.of(ReferralStatus.CONTACTED);
            case CONSULTATION_BOOKED -> List.of(ReferralStatus.CONTACTED, ReferralStatus.CONSULTATION_BOOKED);
            default -> List.of(ReferralStatus.CONTACTED, status);
        };
        for (ReferralStatus step : path) {
            as(tenant, "member")
                    .body(statusBody(step))
                    .post("/api/referrals/" + id + "/status")
                    .then()
                    .statusCode(200);
        }
        return id;
    }

    @Test
    void everyTransitionIsLegalExactlyWhenTheLifecycleAllowsIt() {
        for (ReferralStatus from : ReferralStatus.values()) {
            for (ReferralStatus to : ReferralStatus.values()) {
                String id = referralIn(from);
                var response = as(tenant, "member").body(statusBody(to)).post("/api/referrals/" + id + "/status");
                if (ReferralLifecycle.allows(from, to)) {
                    response.then().statusCode(200).body("status", equalTo(to.json()));
                } else {
                    List<String> allowed = ReferralLifecycle.allowedFrom(from).stream()
                            .map(ReferralStatus::json)
                            .toList();
                    response.then()
                            .statusCode(409)
                            .contentType("application/problem+json")
                            .body("status", equalTo(409))
                            .body("currentStatus", equalTo(from.json()))
                            .body("allowed", equalTo(allowed));
                    as(tenant, "viewer").get("/api/referrals/" + id).then().body("status", equalTo(from.json()));
                }
            }
        }
    }

    @Test
    void theLifecycleMovesForwardAndClosedIsFinal() {
        assertTrue(ReferralLifecycle.allows(ReferralStatus.RECEIVED, ReferralStatus.CONTACTED));
        assertTrue(ReferralLifecycle.allows(ReferralStatus.CONTACTED, ReferralStatus.CONVERTED));
        assertFalse(ReferralLifecycle.allows(ReferralStatus.CONTACTED, ReferralStatus.RECEIVED));
        assertFalse(ReferralLifecycle.allows(ReferralStatus.CONSULTATION_BOOKED, ReferralStatus.CONTACTED));
        for (ReferralStatus closed : CLOSED) {
            assertTrue(ReferralLifecycle.allowedFrom(closed).isEmpty());
            assertTrue(ReferralLifecycle.allows(ReferralStatus.RECEIVED, closed));
            assertTrue(ReferralLifecycle.allows(ReferralStatus.CONSULTATION_BOOKED, closed));
        }
        assertTrue(ReferralLifecycle.allowedFrom(ReferralStatus.CONVERTED).isEmpty());
    }

    @Test
    void convertingNeedsAValueAndTheShortcutGoesTheSameWay() {
        String id = receive("Val Kim");
        as(tenant, "member")
                .body("{\"status\":\"converted\"}")
                .post("/api/referrals/" + id + "/status")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("programValue"))
                .body("errors.field", hasItem("currency"));
        as(tenant, "member")
                .body("{\"status\":\"converted\",\"programValue\":\"10.00\"}")
                .post("/api/referrals/" + id + "/status")
                .then()
                .statusCode(400)
                .body("errors.field", contains("currency"));
        as(tenant, "member")
                .body("{\"status\":\"contacted\",\"programValue\":\"10.00\",\"currency\":\"USD\"}")
                .post("/api/referrals/" + id + "/status")
                .then()
                .statusCode(400)
                .body("errors.field", contains("programValue"));
        as(tenant, "member")
                .body("{\"status\":\"sold\"}")
                .post("/api/referrals/" + id + "/status")
                .then()
                .statusCode(400);
        as(tenant, "viewer")
                .get("/api/referrals/" + id)
                .then()
                .body("status", equalTo("received"))
                .body("programValue", nullValue());

        as(tenant, "member")
                .body("{\"programValue\":\"1200.00\",\"currency\":\"EUR\"}")
                .post("/api/referrals/" + id + "/conversion")
                .then()
                .statusCode(200)
                .body("status", equalTo("converted"))
                .body("firstContactedAt", notNullValue());
        as(tenant, "viewer")
                .get("/api/referrals/" + id + "/history")
                .then()
                .statusCode(200)
                .body("to", contains("received", "converted"));
        as(tenant, "member")
                .body("{\"programValue\":\"1.00\",\"currency\":\"EUR\"}")
                .post("/api/referrals/" + id + "/conversion")
                .then()
                .statusCode(409)
                .body("currentStatus", equalTo("converted"))
                .body("allowed", empty());
    }

    @Test
    void historyIsDatedInOrderAndEventsFollowItWithTheCurrentConsentAndNoContactDetails() {
        String id = as(tenant, "owner")
                .body("""
                {"partnerId":"%s","referred":{"name":"Lee Park","email":"lee.park@example.com","phone":"+1 555 0177"},
                 "consent":"none"}""".formatted(partnerId))
                .post("/api/referrals")
                .then()
                .statusCode(201)
                .body("firstContactedAt", nullValue())
                .extract()
                .path("id");
        as(tenant, "member")
                .body("{\"status\":\"contacted\",\"note\":\"Spoke on the second call\"}")
                .post("/api/referrals/" + id + "/status")
                .then()
                .statusCode(200)
                .body("firstContactedAt", notNullValue())
                .body("overdue", equalTo(false));
        as(tenant, "member")
                .body("{\"consent\":\"outcome\",\"note\":\"Asked on the call\"}")
                .put("/api/referrals/" + id + "/consent")
                .then()
                .statusCode(200)
                .body("consent", equalTo("outcome"));
        as(tenant, "member")
                .body("{\"status\":\"consultation_booked\"}")
                .post("/api/referrals/" + id + "/status")
                .then()
                .statusCode(200);
        as(tenant, "member")
                .body("{\"status\":\"declined\",\"note\":\"Chose another coach\"}")
                .post("/api/referrals/" + id + "/status")
                .then()
                .statusCode(200);

        var history = as(tenant, "viewer")
                .get("/api/referrals/" + id + "/history")
                .then()
                .statusCode(200)
                .body("to", contains("received", "contacted", "consultation_booked", "declined"))
                .body("from", contains(null, "received", "contacted", "consultation_booked"))
                .body("note", contains(null, "Spoke on the second call", null, "Chose another coach"))
                .extract()
                .<String>jsonPath()
                .getList("changedAt", String.class);
        List<Instant> at = history.stream().map(Instant::parse).toList();
        for (int i = 1; i < at.size(); i++) {
            assertFalse(at.get(i).isBefore(at.get(i - 1)), "history is oldest first: " + at);
        }
        as(tenant, "viewer")
                .get("/api/referrals/" + id + "/consent-history")
                .then()
                .statusCode(200)
                .body("consent", contains("none", "outcome"))
                .body("note", contains(null, "Asked on the call"));

        List<CloudEvent> events = kafka().eventsFor(Topics.REFERRAL_EVENTS, id, 6, Duration.ofSeconds(30));
        assertEquals(
                List.of(
                        EventTypes.REFERRAL_RECEIVED.cloudEventType(),
                        EventTypes.REFERRAL_STATUS_CHANGED.cloudEventType(),
                        EventTypes.REFERRAL_CONSENT_CHANGED.cloudEventType(),
                        EventTypes.REFERRAL_STATUS_CHANGED.cloudEventType(),
                        EventTypes.REFERRAL_STATUS_CHANGED.cloudEventType(),
                        EventTypes.REFERRAL_CLOSED.cloudEventType()),
                events.stream().map(CloudEvent::type).toList());
        var contacted = EventCodec.data(events.get(1), EventTypes.REFERRAL_STATUS_CHANGED);
        assertEquals(io.referrals.events.ReferralStatus.RECEIVED, contacted.from());
        assertEquals(io.referrals.events.ReferralStatus.CONTACTED, contacted.to());
        assertEquals(Consent.NONE, contacted.consent());
        var consentChanged = EventCodec.data(events.get(2), EventTypes.REFERRAL_CONSENT_CHANGED);
        assertEquals(Consent.NONE, consentChanged.from());
        assertEquals(Consent.OUTCOME, consentChanged.consent());
        assertEquals(partnerId, consentChanged.partnerId());
        var booked = EventCodec.data(events.get(3), EventTypes.REFERRAL_STATUS_CHANGED);
        assertEquals(Consent.OUTCOME, booked.consent(), "the consent changed in between travels with the next event");
        var closed = EventCodec.data(events.get(5), EventTypes.REFERRAL_CLOSED);
        assertEquals(io.referrals.events.ReferralStatus.DECLINED, closed.outcome());
        assertEquals(Consent.OUTCOME, closed.consent());
        assertEquals(partnerId, closed.partnerId());
        for (CloudEvent event : events) {
            String json = EventCodec.encode(event);
            assertFalse(
                    json.contains("lee.park@example.com")
                            || json.contains("555 0177")
                            || json.contains("second call")
                            || json.contains("another coach"),
                    json);
        }
    }

    @Test
    void aConversionIsAnnouncedAsAStatusChangeThenAConversion() {
        String id = receive("Conv Ert");
        as(tenant, "member")
                .body("{\"status\":\"converted\",\"programValue\":\"2400.50\",\"currency\":\"EUR\"}")
                .post("/api/referrals/" + id + "/status")
                .then()
                .statusCode(200)
                .body("programValue", equalTo("2400.50"))
                .body("convertedAt", notNullValue());
        List<CloudEvent> events = kafka().eventsFor(Topics.REFERRAL_EVENTS, id, 3, Duration.ofSeconds(30));
        assertEquals(
                List.of(
                        EventTypes.REFERRAL_RECEIVED.cloudEventType(),
                        EventTypes.REFERRAL_STATUS_CHANGED.cloudEventType(),
                        EventTypes.REFERRAL_CONVERTED.cloudEventType()),
                events.stream().map(CloudEvent::type).toList());
        assertEquals(
                io.referrals.events.ReferralStatus.CONVERTED,
                EventCodec.data(events.get(1), EventTypes.REFERRAL_STATUS_CHANGED)
                        .to());
    }

    @Test
    void consentChangesAreValidatedAndDated() {
        String id = receive("Con Sent");
        as(tenant, "member")
                .body("{\"consent\":\"everything\"}")
                .put("/api/referrals/" + id + "/consent")
                .then()
                .statusCode(400);
        as(tenant, "member")
                .body("{}")
                .put("/api/referrals/" + id + "/consent")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("consent"));
        as(tenant, "member")
                .body("{\"consent\":\"contact_made\"}")
                .put("/api/referrals/" + id + "/consent")
                .then()
                .statusCode(200)
                .body("consent", equalTo("contact_made"));
        as(tenant, "member")
                .body("{\"consent\":\"none\"}")
                .put("/api/referrals/" + id + "/consent")
                .then()
                .statusCode(200);
        as(tenant, "viewer")
                .get("/api/referrals/" + id + "/consent-history")
                .then()
                .body("consent", contains("outcome", "contact_made", "none"));
        as(tenant, "viewer").get("/api/referrals/" + id).then().body("consent", equalTo("none"));
    }

    @Test
    void firstContactIsDueAfterThePracticesHoursAndOverdueReferralsCanBeListed() {
        as(tenant, "viewer")
                .get("/api/referral-settings")
                .then()
                .statusCode(200)
                .body("firstContactHours", equalTo(48));
        String dueIn48 = receive("Default Due");
        var view = as(tenant, "viewer")
                .get("/api/referrals/" + dueIn48)
                .then()
                .body("overdue", equalTo(false))
                .extract()
                .jsonPath();
        assertEquals(
                Duration.ofHours(48),
                Duration.between(
                        Instant.parse(view.getString("receivedAt")),
                        Instant.parse(view.getString("firstContactDueAt"))));

        as(tenant, "owner")
                .body("{\"firstContactHours\":0}")
                .put("/api/referral-settings")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("firstContactHours"));
        as(tenant, "owner")
                .body("{\"firstContactHours\":721}")
                .put("/api/referral-settings")
                .then()
                .statusCode(400);
        as(tenant, "owner")
                .body("{\"firstContactHours\":1}")
                .put("/api/referral-settings")
                .then()
                .statusCode(200)
                .body("firstContactHours", equalTo(1));
        as(tenant, "viewer").get("/api/referral-settings").then().body("firstContactHours", equalTo(1));

        String late = receive("Late One");
        String lateButContacted = receive("Late Contacted");
        String fresh = receive("Fresh One");
        var lateView = as(tenant, "viewer")
                .get("/api/referrals/" + late)
                .then()
                .body("overdue", equalTo(false))
                .extract()
                .jsonPath();
        assertEquals(
                Duration.ofHours(1),
                Duration.between(
                        Instant.parse(lateView.getString("receivedAt")),
                        Instant.parse(lateView.getString("firstContactDueAt"))));
        age(late, Duration.ofHours(2));
        age(lateButContacted, Duration.ofHours(2));
        as(tenant, "member")
                .body("{\"status\":\"contacted\"}")
                .post("/api/referrals/" + lateButContacted + "/status")
                .then()
                .statusCode(200)
                .body("overdue", equalTo(false));

        as(tenant, "viewer")
                .get("/api/referrals/" + late)
                .then()
                .body("overdue", equalTo(true))
                .body("firstContactedAt", nullValue());
        as(tenant, "viewer")
                .get("/api/referrals?overdue=true")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items.id", contains(late));
        as(tenant, "viewer")
                .get("/api/referrals?overdue=false&size=200")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(late)))
                .body("items.id", hasItem(fresh))
                .body("items.id", hasItem(lateButContacted));
    }

    @Test
    void theListFiltersByStatusPartnerAndReceiptDatesWithPaging() {
        String a = receive("Range A");
        String b = receive("Range B");
        String c = receive("Range C");
        age(a, Duration.ofDays(10));
        age(b, Duration.ofDays(5));
        as(tenant, "member")
                .body("{\"status\":\"contacted\"}")
                .post("/api/referrals/" + b + "/status")
                .then()
                .statusCode(200);
        Instant now = Instant.now();

        as(tenant, "viewer")
                .get("/api/referrals?status=contacted")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items.id", contains(b));
        as(tenant, "viewer")
                .get("/api/referrals?status=CONTACTED")
                .then()
                .statusCode(200)
                .body("total", equalTo(1));
        as(tenant, "viewer").get("/api/referrals?status=maybe").then().statusCode(400);
        as(tenant, "viewer")
                .queryParam("receivedFrom", now.minus(7, ChronoUnit.DAYS).toString())
                .queryParam("receivedTo", now.minus(1, ChronoUnit.DAYS).toString())
                .get("/api/referrals")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items.id", contains(b));
        as(tenant, "viewer")
                .queryParam("receivedTo", now.minus(7, ChronoUnit.DAYS).toString())
                .get("/api/referrals")
                .then()
                .body("items.id", contains(a));
        as(tenant, "viewer")
                .queryParam("receivedFrom", now.minus(7, ChronoUnit.DAYS).toString())
                .queryParam("status", "received")
                .queryParam("partnerId", partnerId.toString())
                .get("/api/referrals")
                .then()
                .body("items.id", hasItem(c))
                .body("items.id", not(hasItem(a)))
                .body("items.id", not(hasItem(b)));
        as(tenant, "viewer")
                .queryParam("receivedFrom", "yesterday")
                .get("/api/referrals")
                .then()
                .statusCode(400)
                .body("errors.field", contains("receivedFrom"));
        as(tenant, "viewer")
                .queryParam("partnerId", UUID.randomUUID().toString())
                .get("/api/referrals")
                .then()
                .body("total", equalTo(0));

        // Newest first across pages, with the total; the fixture's probe referral is the fourth.
        List<String> ids = new ArrayList<>();
        for (int page = 0; page < 2; page++) {
            ids.addAll(as(tenant, "viewer")
                    .get("/api/referrals?size=2&page=" + page)
                    .then()
                    .body("total", equalTo(4))
                    .extract()
                    .<String>jsonPath()
                    .getList("items.id", String.class));
        }
        assertEquals(c, ids.get(0));
        assertEquals(List.of(b, a), ids.subList(2, 4));
    }

    @Test
    void rolesAreEnforcedOnEveryNewPath() {
        String id = receive("Role Play");
        as(tenant, "viewer")
                .body("{\"status\":\"contacted\"}")
                .post("/api/referrals/" + id + "/status")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        as(tenant, "viewer")
                .body("{\"consent\":\"none\"}")
                .put("/api/referrals/" + id + "/consent")
                .then()
                .statusCode(403);
        as(tenant, "viewer")
                .body("{\"firstContactHours\":2}")
                .put("/api/referral-settings")
                .then()
                .statusCode(403);
        as(tenant, "viewer").get("/api/referrals/" + id + "/history").then().statusCode(200);
        as(tenant, "viewer")
                .get("/api/referrals/" + id + "/consent-history")
                .then()
                .statusCode(200);
        as(tenant, "viewer").get("/api/referral-settings").then().statusCode(200);
    }

    @Test
    void anotherPracticeSeesNoneOfItAndKeepsItsOwnSettings() {
        String id = receive("Private Person");
        String stranger = "practice-" + UUID.randomUUID();
        as(stranger, "owner")
                .body("{\"status\":\"contacted\"}")
                .post("/api/referrals/" + id + "/status")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        as(stranger, "owner").get("/api/referrals/" + id + "/history").then().statusCode(404);
        as(stranger, "owner")
                .body("{\"consent\":\"none\"}")
                .put("/api/referrals/" + id + "/consent")
                .then()
                .statusCode(404);
        as(stranger, "owner")
                .get("/api/referrals/" + id + "/consent-history")
                .then()
                .statusCode(404);
        as(stranger, "owner").get("/api/referrals?status=received").then().body("total", equalTo(0));
        as(tenant, "viewer")
                .get("/api/referrals/" + id)
                .then()
                .body("status", equalTo("received"))
                .body("consent", equalTo("outcome"))
                .body("$", hasKey("overdue"));

        as(tenant, "owner")
                .body("{\"firstContactHours\":5}")
                .put("/api/referral-settings")
                .then()
                .statusCode(200);
        as(stranger, "owner").get("/api/referral-settings").then().body("firstContactHours", equalTo(48));
    }

    /** Back-dates a referral's receipt and deadline, as if it had come in that long ago. */
    private void age(String id, Duration by) {
        QuarkusTransaction.requiringNew()
                .run(() -> entityManager
                        .createNativeQuery(
                                "update referral set received_at = received_at - make_interval(secs => ?1), "
                                        + "first_contact_due_at = first_contact_due_at - make_interval(secs => ?1) where id = ?2")
                        .setParameter(1, (double) by.toSeconds())
                        .setParameter(2, UUID.fromString(id))
                        .executeUpdate());
    }

    @Test
    void theReferralSaysWhichStatusesItMayMoveTo() {
        String received = receive("Allowed Moves");
        as(tenant, "viewer")
                .get("/api/referrals/" + received)
                .then()
                .statusCode(200)
                .body(
                        "allowedStatuses",
                        contains(
                                "contacted",
                                "consultation_booked",
                                "converted",
                                "not_a_fit",
                                "declined",
                                "no_response"));
        as(tenant, "viewer")
                .get("/api/referrals?size=200")
                .then()
                .statusCode(200)
                .body("items.find { it.id == '" + received + "' }.allowedStatuses", hasItem("contacted"));

        String booked = referralIn(ReferralStatus.CONSULTATION_BOOKED);
        as(tenant, "viewer")
                .get("/api/referrals/" + booked)
                .then()
                .body("allowedStatuses", contains("converted", "not_a_fit", "declined", "no_response"));
        as(tenant, "member")
                .body(statusBody(ReferralStatus.DECLINED))
                .post("/api/referrals/" + booked + "/status")
                .then()
                .statusCode(200)
                .body("allowedStatuses", empty());

        as(tenant, "member")
                .body("{\"programValue\":\"900.00\",\"currency\":\"USD\"}")
                .post("/api/referrals/" + received + "/conversion")
                .then()
                .statusCode(200)
                .body("status", equalTo("converted"))
                .body("allowedStatuses", empty());
    }
}
