package io.referrals.referral;

import static io.referrals.referral.Fixtures.as;
import static io.referrals.referral.Fixtures.kafka;
import static io.referrals.referral.Fixtures.knownPartner;
import static io.referrals.referral.PortalReferralsTest.portal;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.events.CloudEvent;
import io.referrals.events.Compensation;
import io.referrals.events.CompensationType;
import io.referrals.events.EventCodec;
import io.referrals.events.EventTypes;
import io.referrals.events.Topics;
import io.referrals.events.partner.AgreementActivated;
import io.referrals.testing.PlatformTestResource;
import io.referrals.testing.PortalTokens;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A signed-in partner's rewards, the referrals the practice gave them and the balance both ways (issue 28): only the
 * partner's own rewards (never a discount for the referred client), with the agreement's terms and disclosure, non-cash
 * ones marked so; nothing of a referral whose person did not allow the outcome to be shared; another partner's or
 * practice's reward by id is a 404; given referrals without a name or contact detail.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class PortalRewardsTest {
    private final String tenant = "practice-" + UUID.randomUUID();
    private UUID partner;
    /** The day every agreement here takes effect: read once, so that a test crossing midnight says the same day. */
    private final LocalDate effectiveFrom = LocalDate.now().minusDays(1);

    @Inject
    EntityManager entityManager;

    @BeforeEach
    void partnerWithAFeeAgreement() {
        partner = knownPartner(tenant, "Jordan Blake");
        activate(tenant, partner, new Compensation(CompensationType.REFERRAL_FEE_PERCENT, new BigDecimal("15"), null));
    }

    @Test
    void thePartnersRewardsWithTheirTermsAndNothingTheConsentKeepsBack() {
        String shared = receive(partner, "Riley Moss", "outcome");
        convert(shared, "1500.00");
        String kept = receive(partner, "Avery Quinn", "none");
        convert(kept, "900.00");
        String credit = as(tenant, "member")
                .body("{\"type\":\"session_credit\",\"description\":\"One free session\"}")
                .post("/api/referrals/" + shared + "/rewards")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String fee = feeOf(shared);
        String keptFee = feeOf(kept);

        String session = PortalTokens.session(tenant, partner);
        String body = portal(session)
                .get("/api/portal/rewards")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        JsonPath page = JsonPath.from(body);
        assertEquals(
                List.of(credit, fee), page.getList("items.id"), "newest first; not the fee the consent keeps back");
        Map<String, Object> cash = page.getMap("items.find { it.id == '" + fee + "' }");
        assertEquals("referral_fee", cash.get("type"));
        assertEquals(true, cash.get("cash"));
        assertEquals("owed", cash.get("status"));
        assertEquals("225.00", cash.get("amount"));
        assertEquals("USD", cash.get("currency"));
        assertEquals("15.00", cash.get("percent"));
        assertEquals(shared, cash.get("referralId"));
        assertEquals(
                "15% of the program value of each referral who becomes a client (agreement in force from "
                        + effectiveFrom + ").",
                page.getString("items.find { it.id == '" + fee + "' }.terms.summary"));
        assertEquals(
                "The practice tells the clients you refer that you receive this fee for referring them.",
                page.getString("items.find { it.id == '" + fee + "' }.terms.disclosure"));
        Map<String, Object> thanks = page.getMap("items.find { it.id == '" + credit + "' }");
        assertEquals("session_credit", thanks.get("type"));
        assertEquals(false, thanks.get("cash"));
        assertEquals("One free session", thanks.get("description"));
        assertEquals(null, thanks.get("terms"));
        for (String detail : List.of("Moss", "@example.com", "1500", "900")) {
            assertFalse(body.contains(detail), "the rewards carry no " + detail + ": " + body);
        }

        portal(session).get("/api/portal/rewards/" + fee).then().statusCode(200).body("amount", equalTo("225.00"));
        portal(session)
                .get("/api/portal/rewards/" + keptFee)
                .then()
                .statusCode(404)
                .contentType(startsWith("application/problem+json"));

        // Paid: the balance moves from owed to paid, counting only what the partner may see.
        balance(session)
                .body("referralsFromYou", equalTo(3)) // the fixture's probe, Riley and Avery
                .body("convertedFromYou", equalTo(1))
                .body("owed[0].amount", equalTo("225.00"))
                .body("owed[0].currency", equalTo("USD"))
                .body("owed.size()", equalTo(1))
                .body("paid.size()", equalTo(0));
        as(tenant, "member")
                .body("{\"reference\":\"Bank transfer\"}")
                .post("/api/rewards/" + fee + "/payment")
                .then()
                .statusCode(200);
        portal(session)
                .get("/api/portal/rewards/" + fee)
                .then()
                .statusCode(200)
                .body("status", equalTo("paid"))
                .body("paidAt", org.hamcrest.Matchers.notNullValue())
                .body("paymentReference", nullValue());
        balance(session)
                .body("owed.size()", equalTo(0))
                .body("paid[0].amount", equalTo("225.00"))
                .body("paid[0].currency", equalTo("USD"));
    }

    @Test
    void aClientDiscountIsTheReferredClientsNotThePartners() {
        UUID discountPartner = knownPartner(tenant, "Dana Lee");
        activate(
                tenant,
                discountPartner,
                new Compensation(CompensationType.CLIENT_DISCOUNT_PERCENT, new BigDecimal("10"), null));
        String referral = receive(discountPartner, "Sam Lee", "outcome");
        convert(referral, "1000.00");
        as(tenant, "viewer")
                .get("/api/rewards?referralId=" + referral)
                .then()
                .statusCode(200)
                .body("items[0].beneficiary", equalTo("referred_client"));
        portal(PortalTokens.session(tenant, discountPartner))
                .get("/api/portal/rewards")
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void anotherPartnersOrAnotherPracticesRewardByIdIsA404() {
        UUID other = knownPartner(tenant, "Dana Lee");
        activate(tenant, other, new Compensation(CompensationType.REFERRAL_FEE_PERCENT, new BigDecimal("10"), null));
        String theirs = receive(other, "Robin Hart", "outcome");
        convert(theirs, "1000.00");
        String theirFee = feeOf(theirs);

        String elsewhereTenant = "practice-" + UUID.randomUUID();
        UUID elsewherePartner = knownPartner(elsewhereTenant, "Jordan Blake");
        String elsewhereCredit = as(elsewhereTenant, "member")
                .body("{\"type\":\"exclusive_access\",\"description\":\"Workshop seat\"}")
                .post("/api/referrals/" + receive(elsewhereTenant, elsewherePartner, "Sky Doe") + "/rewards")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        String session = PortalTokens.session(tenant, partner);
        for (String id : List.of(theirFee, elsewhereCredit, UUID.randomUUID().toString())) {
            portal(session)
                    .get("/api/portal/rewards/" + id)
                    .then()
                    .statusCode(404)
                    .contentType(startsWith("application/problem+json"));
        }
        portal(session).get("/api/portal/rewards").then().statusCode(200).body("total", equalTo(0));
        // Their own partners see them: the 404 is about scope.
        portal(PortalTokens.session(tenant, other))
                .get("/api/portal/rewards/" + theirFee)
                .then()
                .statusCode(200);
        portal(PortalTokens.session(elsewhereTenant, elsewherePartner))
                .get("/api/portal/rewards/" + elsewhereCredit)
                .then()
                .statusCode(200)
                .body("cash", equalTo(false));
    }

    @Test
    void theReferralsGivenToThePartnerWithoutANameOrContactDetail() {
        UUID other = knownPartner(tenant, "Dana Lee");
        give(partner, "Jordan Quinn", "Couples therapy", "2026-11-20");
        give(partner, "Casey Morgan", "Financial plan after a career change", "2026-11-22");
        give(other, "Robin Hart", "Not for Jordan", "2026-11-21");
        String session = PortalTokens.session(tenant, partner);
        String body = portal(session)
                .get("/api/portal/given-referrals")
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items[0].givenOn", equalTo("2026-11-22"))
                .body("items[0].need", equalTo("Financial plan after a career change"))
                .body("items[1].need", equalTo("Couples therapy"))
                .extract()
                .asString();
        for (String detail : List.of("Quinn", "Morgan", "@example.com", "555", "Not for Jordan", "private")) {
            assertFalse(body.contains(detail), "given referrals carry no " + detail + ": " + body);
        }
        balance(session)
                .body("referralsToYou", equalTo(2))
                .body("referralsFromYou", equalTo(1)) // the fixture's probe
                .body("convertedFromYou", equalTo(0))
                .body("owed.size()", equalTo(0));
        portal(PortalTokens.viewAs(tenant, partner))
                .get("/api/portal/given-referrals")
                .then()
                .statusCode(200)
                .body("total", equalTo(2));
    }

    @Test
    void everyPathIsDocumentedWithItsProblems() {
        JsonPath openapi = JsonPath.from(io.restassured.RestAssured.given()
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        Map<String, String> operations = Map.of(
                "'/api/portal/referrals'.post", "referFromPortal",
                "'/api/portal/referrals/{id}'.get", "getPortalReferral",
                "'/api/portal/rewards'.get", "listPortalRewards",
                "'/api/portal/rewards/{id}'.get", "getPortalReward",
                "'/api/portal/given-referrals'.get", "listPortalGivenReferrals",
                "'/api/portal/balance'.get", "getPortalBalance",
                "'/api/portal/intake-link'.get", "getPortalIntakeLink",
                "'/api/portal/intake-link'.post", "createPortalIntakeLink");
        for (var operation : operations.entrySet()) {
            String path = "paths." + operation.getKey();
            assertEquals(operation.getValue(), openapi.getString(path + ".operationId"), path);
            assertEquals(
                    "application/problem+json",
                    openapi.getMap(path + ".responses.'401'.content")
                            .keySet()
                            .iterator()
                            .next(),
                    path);
        }
        for (String path : List.of("'/api/portal/referrals'.post", "'/api/portal/intake-link'.post")) {
            assertEquals(true, openapi.getMap("paths." + path + ".responses").containsKey("403"), path);
        }
        for (String path : List.of(
                "'/api/portal/referrals/{id}'.get",
                "'/api/portal/rewards/{id}'.get",
                "'/api/portal/intake-link'.get")) {
            assertEquals(true, openapi.getMap("paths." + path + ".responses").containsKey("404"), path);
        }
    }

    private io.restassured.response.ValidatableResponse balance(String session) {
        return portal(session).get("/api/portal/balance").then().statusCode(200);
    }

    private void give(UUID partnerId, String name, String need, String givenOn) {
        as(tenant, "member")
                .body("""
                        {"partnerId":"%s","person":{"name":"%s","email":"%s@example.com","phone":"+1 555 0142"},
                         "need":"%s","note":"private note","givenOn":"%s"}""".formatted(partnerId, name, name.toLowerCase().replace(' ', '.'), need, givenOn))
                .post("/api/referrals/given")
                .then()
                .statusCode(201);
    }

    private String receive(UUID partnerId, String name, String consent) {
        return as(tenant, "member")
                .body("""
                        {"partnerId":"%s","referred":{"name":"%s","email":"%s@example.com"},"consent":"%s"}""".formatted(partnerId, name, name.toLowerCase().replace(' ', '.'), consent))
                .post("/api/referrals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static String receive(String tenantId, UUID partnerId, String name) {
        return as(tenantId, "member")
                .body(Fixtures.referralBody(partnerId, name, name.toLowerCase().replace(' ', '.') + "@example.com"))
                .post("/api/referrals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** Converts, and waits until referral-service has worked out the fee from its own ReferralConverted. */
    private void convert(String referralId, String amount) {
        as(tenant, "member")
                .body("{\"programValue\":\"" + amount + "\",\"currency\":\"USD\"}")
                .post("/api/referrals/" + referralId + "/conversion")
                .then()
                .statusCode(200);
        String eventId = QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                .createNativeQuery(
                        "select cast(id as varchar) from outbox_event where event_key = ?1 and event_type = ?2")
                .setParameter(1, referralId)
                .setParameter(2, EventTypes.REFERRAL_CONVERTED.cloudEventType())
                .getSingleResult());
        awaitProcessed(eventId);
    }

    private String feeOf(String referralId) {
        return as(tenant, "viewer")
                .get("/api/rewards?referralId=" + referralId)
                .then()
                .statusCode(200)
                .body("items.find { it.agreementId != null }.type", containsString("fee"))
                .extract()
                .path("items.find { it.agreementId != null }.id");
    }

    /** Publishes AgreementActivated as partner-service would (fee disclosed to clients) and waits for its terms. */
    private void activate(String tenantId, UUID partnerId, Compensation compensation) {
        CloudEvent event = EventCodec.wrap(
                EventTypes.AGREEMENT_ACTIVATED,
                "/partner-service",
                tenantId,
                partnerId.toString(),
                new AgreementActivated(
                        UUID.randomUUID(),
                        partnerId,
                        "incentivized",
                        "reciprocal",
                        compensation,
                        true,
                        effectiveFrom,
                        null,
                        null,
                        Instant.now().minusSeconds(3600)));
        kafka().send(Topics.PARTNER_EVENTS, event);
        awaitProcessed(event.id());
    }

    private void awaitProcessed(String eventId) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> QuarkusTransaction.requiringNew()
                        .call(() -> ((Number) entityManager
                                                .createNativeQuery(
                                                        "select count(*) from processed_event where event_id = ?1")
                                                .setParameter(1, eventId)
                                                .getSingleResult())
                                        .intValue()
                                == 1));
    }
}
