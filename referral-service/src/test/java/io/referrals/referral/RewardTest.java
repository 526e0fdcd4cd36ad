package io.referrals.referral;

import static io.referrals.referral.Fixtures.as;
import static io.referrals.referral.Fixtures.kafka;
import static io.referrals.referral.Fixtures.knownPartner;
import static io.referrals.referral.Fixtures.referralBody;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.events.CloudEvent;
import io.referrals.events.Compensation;
import io.referrals.events.CompensationType;
import io.referrals.events.EventCodec;
import io.referrals.events.EventTypes;
import io.referrals.events.Money;
import io.referrals.events.Topics;
import io.referrals.events.partner.AgreementActivated;
import io.referrals.events.partner.AgreementEnded;
import io.referrals.testing.PlatformTestResource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class RewardTest {
    private final String tenant = "practice-" + UUID.randomUUID();

    @Inject
    EntityManager entityManager;

    /** Publishes AgreementActivated as partner-service would and waits until referral-service has the terms. */
    private UUID activate(UUID partnerId, Compensation compensation, Instant activatedAt) {
        return activate(partnerId, UUID.randomUUID(), compensation, activatedAt);
    }

    private UUID activate(UUID partnerId, UUID agreementId, Compensation compensation, Instant activatedAt) {
        CloudEvent event = EventCodec.wrap(
                EventTypes.AGREEMENT_ACTIVATED,
                "/partner-service",
                tenant,
                partnerId.toString(),
                new AgreementActivated(
                        agreementId,
                        partnerId,
                        "incentivized",
                        "reciprocal",
                        compensation,
                        true,
                        LocalDate.now().minusDays(1),
                        null,
                        null,
                        activatedAt));
        kafka().send(Topics.PARTNER_EVENTS, event);
        awaitProcessed(event.id());
        return agreementId;
    }

    private void end(UUID partnerId, UUID agreementId, Instant endedAt) {
        CloudEvent event = EventCodec.wrap(
                EventTypes.AGREEMENT_ENDED,
                "/partner-service",
                tenant,
                partnerId.toString(),
                new AgreementEnded(agreementId, partnerId, "superseded", null, endedAt));
        kafka().send(Topics.PARTNER_EVENTS, event);
        awaitProcessed(event.id());
    }

    private void awaitProcessed(String eventId) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> QuarkusTransaction.requiringNew()
                        .call(() -> ((Number) entityManager
                                                .createNativeQuery(
                                                        "select count(*) from processed_event where event_id = ?1")
                                                .setParameter(1, eventId)
                                                .getSingleResult())
                                        .intValue()
                                == 1));
    }

    private String receive(UUID partnerId, String name) {
        return as(tenant, "member")
                .body(referralBody(partnerId, name, name.toLowerCase() + "@example.com"))
                .post("/api/referrals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** Converts and waits until referral-service has applied its own ReferralConverted event. */
    private void convert(String referralId, String amount, String currency) {
        as(tenant, "member")
                .body("{\"programValue\":\"" + amount + "\",\"currency\":\"" + currency + "\"}")
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

    private static Compensation percent(CompensationType type, String percent) {
        return new Compensation(type, new BigDecimal(percent), null);
    }

    @Test
    void eachCompensationKindEarnsWhatItsTermsSay() {
        Instant anHourAgo = Instant.now().minusSeconds(3600);
        UUID feePartner = knownPartner(tenant, "Fee Partner");
        activate(feePartner, percent(CompensationType.REFERRAL_FEE_PERCENT, "15.00"), anHourAgo);
        String feeReferral = receive(feePartner, "Ana");
        convert(feeReferral, "1500.00", "USD");
        as(tenant, "viewer")
                .get("/api/rewards?referralId=" + feeReferral)
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].type", equalTo("referral_fee"))
                .body("items[0].beneficiary", equalTo("partner"))
                .body("items[0].percent", equalTo("15.00"))
                .body("items[0].amount", equalTo("225.00"))
                .body("items[0].currency", equalTo("USD"))
                .body("items[0].status", equalTo("owed"))
                .body("items[0].agreementId", notNullValue());

        UUID flatPartner = knownPartner(tenant, "Flat Partner");
        activate(
                flatPartner,
                new Compensation(CompensationType.FLAT_FEE, null, new Money(new BigDecimal("100"), "EUR")),
                anHourAgo);
        String flatReferral = receive(flatPartner, "Ben");
        convert(flatReferral, "999.99", "USD");
        as(tenant, "viewer")
                .get("/api/rewards?referralId=" + flatReferral)
                .then()
                .body("items[0].type", equalTo("flat_fee"))
                .body("items[0].amount", equalTo("100.00"))
                .body("items[0].currency", equalTo("EUR"));

        UUID sharePartner = knownPartner(tenant, "Share Partner");
        activate(sharePartner, percent(CompensationType.REVENUE_SHARE_PERCENT, "12.50"), anHourAgo);
        String shareReferral = receive(sharePartner, "Cy");
        convert(shareReferral, "1000.05", "USD");
        as(tenant, "viewer")
                .get("/api/rewards?referralId=" + shareReferral)
                .then()
                .body("items[0].type", equalTo("revenue_share"))
                .body("items[0].amount", equalTo("125.01"));

        UUID discountPartner = knownPartner(tenant, "Discount Partner");
        activate(discountPartner, percent(CompensationType.CLIENT_DISCOUNT_PERCENT, "20"), anHourAgo);
        String discountReferral = receive(discountPartner, "Di");
        convert(discountReferral, "500.00", "USD");
        as(tenant, "viewer")
                .get("/api/rewards?referralId=" + discountReferral)
                .then()
                .body("items[0].type", equalTo("client_discount"))
                .body("items[0].beneficiary", equalTo("referred_client"))
                .body("items[0].amount", equalTo("100.00"));

        UUID thanksOnly = knownPartner(tenant, "Thanks Only");
        activate(thanksOnly, Compensation.none(), anHourAgo);
        String noneReferral = receive(thanksOnly, "Ed");
        convert(noneReferral, "800.00", "USD");
        as(tenant, "viewer")
                .get("/api/rewards?referralId=" + noneReferral)
                .then()
                .body("total", equalTo(0));

        UUID noAgreement = knownPartner(tenant, "No Agreement");
        String sourceReferral = receive(noAgreement, "Flo");
        convert(sourceReferral, "800.00", "USD");
        as(tenant, "viewer")
                .get("/api/rewards?referralId=" + sourceReferral)
                .then()
                .body("total", equalTo(0));
    }

    @Test
    void anotherPracticesEventCannotTakeOverAnAgreementById() {
        UUID partnerId = knownPartner(tenant, "Guarded Terms");
        UUID agreementId = activate(
                partnerId,
                percent(CompensationType.REFERRAL_FEE_PERCENT, "15"),
                Instant.now().minusSeconds(600));
        CloudEvent takeover = EventCodec.wrap(
                EventTypes.AGREEMENT_ACTIVATED,
                "/partner-service",
                "practice-" + UUID.randomUUID(),
                partnerId.toString(),
                new AgreementActivated(
                        agreementId,
                        partnerId,
                        "incentivized",
                        "reciprocal",
                        percent(CompensationType.REFERRAL_FEE_PERCENT, "50"),
                        true,
                        LocalDate.now().minusDays(1),
                        null,
                        null,
                        Instant.now().minusSeconds(300)));
        kafka().send(Topics.PARTNER_EVENTS, takeover);
        kafka().readUntil(
                        Topics.deadLetter("referral-service"),
                        Duration.ofSeconds(30),
                        records -> records.stream().anyMatch(r -> r.value().contains(takeover.id())));

        String referralId = receive(partnerId, "Kit");
        convert(referralId, "1000.00", "USD");
        as(tenant, "viewer")
                .get("/api/rewards?referralId=" + referralId)
                .then()
                .body("total", equalTo(1))
                .body("items[0].amount", equalTo("150.00"))
                .body("items[0].agreementId", equalTo(agreementId.toString()));
    }

    @Test
    void termsArrivingAfterTheConversionStillSettleTheFeeOnce() {
        UUID partnerId = knownPartner(tenant, "Late Terms");
        Instant activatedAt = Instant.now().minusSeconds(600);
        String referralId = receive(partnerId, "Jo");
        convert(referralId, "1000.00", "USD");
        as(tenant, "viewer").get("/api/rewards?referralId=" + referralId).then().body("total", equalTo(0));

        UUID agreementId = activate(partnerId, percent(CompensationType.REFERRAL_FEE_PERCENT, "15"), activatedAt);
        as(tenant, "viewer")
                .get("/api/rewards?referralId=" + referralId)
                .then()
                .body("total", equalTo(1))
                .body("items[0].amount", equalTo("150.00"))
                .body("items[0].agreementId", equalTo(agreementId.toString()));
        // A redelivered activation (new event id, same agreement) settles nothing twice.
        activate(partnerId, agreementId, percent(CompensationType.REFERRAL_FEE_PERCENT, "15"), activatedAt);
        as(tenant, "viewer").get("/api/rewards?referralId=" + referralId).then().body("total", equalTo(1));
    }

    @Test
    void theAgreementInForceAtReceiptDecidesNotTheOneAtConversion() {
        UUID partnerId = knownPartner(tenant, "Changing Terms");
        Instant start = Instant.now().minusSeconds(3600);
        UUID first = activate(partnerId, percent(CompensationType.REFERRAL_FEE_PERCENT, "10"), start);
        String referralId = receive(partnerId, "Gil");
        Instant changed = Instant.now().plusMillis(5);
        end(partnerId, first, changed);
        activate(partnerId, percent(CompensationType.REFERRAL_FEE_PERCENT, "20"), changed);
        convert(referralId, "2000.00", "USD");

        as(tenant, "viewer")
                .get("/api/rewards?referralId=" + referralId)
                .then()
                .body("total", equalTo(1))
                .body("items[0].percent", equalTo("10.00"))
                .body("items[0].amount", equalTo("200.00"))
                .body("items[0].agreementId", equalTo(first.toString()));
        String later = receive(partnerId, "Hal");
        convert(later, "2000.00", "USD");
        as(tenant, "viewer").get("/api/rewards?referralId=" + later).then().body("items[0].amount", equalTo("400.00"));
    }

    @Test
    void anOwedRewardIsPaidOrWaivedOnceAndClientRewardsAreRecordedByHand() {
        UUID partnerId = knownPartner(tenant, "Paid Partner");
        activate(
                partnerId,
                percent(CompensationType.REFERRAL_FEE_PERCENT, "10"),
                Instant.now().minusSeconds(60));
        String referralId = receive(partnerId, "Ivy");
        convert(referralId, "300.00", "USD");
        String rewardId = as(tenant, "viewer")
                .get("/api/rewards?referralId=" + referralId)
                .then()
                .extract()
                .path("items[0].id");

        as(tenant, "viewer")
                .body("{}")
                .post("/api/rewards/" + rewardId + "/payment")
                .then()
                .statusCode(403);
        as(tenant, "owner")
                .body("{\"reference\":\"Transfer 42\"}")
                .post("/api/rewards/" + rewardId + "/payment")
                .then()
                .statusCode(200)
                .body("status", equalTo("paid"))
                .body("paidAt", notNullValue())
                .body("paymentReference", equalTo("Transfer 42"));
        as(tenant, "owner")
                .body("{}")
                .post("/api/rewards/" + rewardId + "/payment")
                .then()
                .statusCode(409)
                .body("rewardStatus", equalTo("paid"));
        var paid = kafka().eventsFor(Topics.REFERRAL_EVENTS, referralId, 4, Duration.ofSeconds(30)).stream()
                .filter(e -> e.type().equals(EventTypes.REWARD_PAID.cloudEventType()))
                .toList();
        assertEquals(1, paid.size());
        assertEquals(
                new BigDecimal("30.00"),
                EventCodec.data(paid.get(0), EventTypes.REWARD_PAID)
                        .amount()
                        .amount()
                        .setScale(2));

        String credit = as(tenant, "member")
                .body("""
                {"type":"session_credit","description":"One free session","amount":{"amount":"150.00","currency":"USD"}}""")
                .post("/api/referrals/" + referralId + "/rewards")
                .then()
                .statusCode(201)
                .body("beneficiary", equalTo("partner"))
                .body("agreementId", equalTo(null))
                .extract()
                .path("id");
        as(tenant, "member")
                .body("{\"reason\":\"Client preferred a donation\"}")
                .post("/api/rewards/" + credit + "/waiver")
                .then()
                .statusCode(200)
                .body("status", equalTo("waived"));
        as(tenant, "member")
                .body("{\"type\":\"referral_fee\",\"description\":\"Sneaky fee\"}")
                .post("/api/referrals/" + referralId + "/rewards")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("type"));
        as(tenant, "member")
                .body("{\"type\":\"exclusive_access\",\"description\":\"Beta workshop seat\"}")
                .post("/api/referrals/" + referralId + "/rewards")
                .then()
                .statusCode(201)
                .body("amount", equalTo(null));
        as(tenant, "viewer")
                .get("/api/rewards?partnerId=" + partnerId + "&status=owed")
                .then()
                .body("total", equalTo(1));

        String stranger = "practice-" + UUID.randomUUID();
        as(stranger, "owner").get("/api/rewards/" + rewardId).then().statusCode(404);
        as(stranger, "owner")
                .body("{}")
                .post("/api/rewards/" + credit + "/payment")
                .then()
                .statusCode(404);
        as(stranger, "owner")
                .body("{\"reason\":\"x\"}")
                .post("/api/rewards/" + credit + "/waiver")
                .then()
                .statusCode(404);
        as(stranger, "owner")
                .body("{\"type\":\"session_credit\",\"description\":\"x\"}")
                .post("/api/referrals/" + referralId + "/rewards")
                .then()
                .statusCode(404);
        as(stranger, "owner").get("/api/rewards").then().body("total", equalTo(0));
    }
}
