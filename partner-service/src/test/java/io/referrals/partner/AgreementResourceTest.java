package io.referrals.partner;

import static io.referrals.testing.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.events.CloudEvent;
import io.referrals.events.CompensationType;
import io.referrals.events.EventCodec;
import io.referrals.events.EventTypes;
import io.referrals.events.Money;
import io.referrals.events.Topics;
import io.referrals.events.partner.AgreementActivated;
import io.referrals.events.partner.AgreementEnded;
import io.referrals.testing.KafkaTestClient;
import io.referrals.testing.PlatformTestResource;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class AgreementResourceTest {
    private static final String REFERRAL_FEE = """
            {"kind":"incentivized","direction":"reciprocal",
             "practiceGives":["Refers couples who need therapy"," Shares her workshops "],
             "partnerGives":["Refers clients in a career transition"],
             "compensation":{"type":"referral_fee_percent","percent":"15"},
             "effectiveFrom":"2026-01-01","effectiveTo":"2026-12-31",
             "signedOn":"2025-12-15","signedVia":"email_summary","feeDisclosedToClients":true}""";
    private static final String INFORMAL = """
            {"kind":"informal","direction":"one_way"}""";
    private static final String FLAT_FEE = """
            {"kind":"formal","direction":"reciprocal",
             "compensation":{"type":"flat_fee","flatFee":{"amount":"150","currency":"EUR"}},
             "feeDisclosedToClients":false,"signedVia":"signed_document"}""";

    private final String tenant = "practice-" + UUID.randomUUID();
    private final KafkaTestClient kafka = new KafkaTestClient(PlatformTestResource.bootstrapServers());

    private String createPartner(boolean licensed) {
        return as(tenant, "owner")
                .body("{\"name\":\"Dana Lee\",\"category\":\"professional\",\"licensed\":" + licensed + "}")
                .post("/api/partners")
                .then()
                .statusCode(201)
                .body("relationship", equalTo("source"))
                .extract()
                .path("id");
    }

    private ValidatableResponse postAgreement(String tenantId, String role, String partnerId, String body) {
        return as(tenantId, role).body(body).post(agreements(partnerId)).then();
    }

    private String createAgreement(String partnerId, String body) {
        return postAgreement(tenant, "owner", partnerId, body)
                .statusCode(201)
                .body("status", equalTo("active"))
                .extract()
                .path("id");
    }

    private static String agreements(String partnerId) {
        return "/api/partners/" + partnerId + "/agreements";
    }

    private ValidatableResponse partner(String partnerId) {
        return as(tenant, "viewer").get("/api/partners/" + partnerId).then().statusCode(200);
    }

    private List<CloudEvent> agreementEvents(String partnerId, int expectedForPartner) {
        List<CloudEvent> events =
                kafka.eventsFor(Topics.PARTNER_EVENTS, partnerId, expectedForPartner, Duration.ofSeconds(30));
        assertEquals(expectedForPartner, events.size(), "events for partner " + partnerId + ": " + events);
        List<String> agreementTypes =
                List.of(EventTypes.AGREEMENT_ACTIVATED.cloudEventType(), EventTypes.AGREEMENT_ENDED.cloudEventType());
        return events.stream().filter(e -> agreementTypes.contains(e.type())).toList();
    }

    @Test
    void aRetriedCreateWithTheSameIdempotencyKeyDoesNotSupersedeItsOwnAgreement() {
        String partnerId = createPartner(false);
        String first = as(tenant, "owner")
                .header("Idempotency-Key", "terms-1")
                .body(REFERRAL_FEE)
                .post(agreements(partnerId))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(tenant, "owner")
                .header("Idempotency-Key", "terms-1")
                .body(REFERRAL_FEE)
                .post(agreements(partnerId))
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(first));
        as(tenant, "viewer")
                .get(agreements(partnerId))
                .then()
                .statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].status", equalTo("active"));
    }

    @Test
    void anAgreementMakesTheSourceAPartnerAndAnnouncesItsCompensation() {
        String partnerId = createPartner(false);

        var created = postAgreement(tenant, "owner", partnerId, REFERRAL_FEE)
                .statusCode(201)
                .extract();
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith(agreements(partnerId) + "/" + id), created.header("Location"));
        as(tenant, "viewer")
                .get(agreements(partnerId) + "/" + id)
                .then()
                .statusCode(200)
                .body("partnerId", equalTo(partnerId))
                .body("kind", equalTo("incentivized"))
                .body("direction", equalTo("reciprocal"))
                .body("practiceGives", contains("Refers couples who need therapy", "Shares her workshops"))
                .body("partnerGives", contains("Refers clients in a career transition"))
                .body("compensation.type", equalTo("referral_fee_percent"))
                .body("compensation.percent", equalTo("15.00"))
                .body("compensation.flatFee", nullValue())
                .body("effectiveFrom", equalTo("2026-01-01"))
                .body("effectiveTo", equalTo("2026-12-31"))
                .body("signedOn", equalTo("2025-12-15"))
                .body("signedVia", equalTo("email_summary"))
                .body("feeDisclosedToClients", equalTo(true))
                .body("complianceAcknowledged", equalTo(false))
                .body("status", equalTo("active"))
                .body("createdBy", notNullValue());
        as(tenant, "viewer")
                .get(agreements(partnerId))
                .then()
                .statusCode(200)
                .body("id", contains(id))
                .body("compensation.percent", contains("15.00"));
        partner(partnerId).body("relationship", equalTo("partner")).body("activeAgreementId", equalTo(id));

        List<CloudEvent> events = agreementEvents(partnerId, 2);
        assertEquals(1, events.size());
        CloudEvent event = events.get(0);
        assertEquals(EventTypes.AGREEMENT_ACTIVATED.cloudEventType(), event.type());
        assertEquals(tenant, event.tenantid());
        assertTrue(event.data().at("/compensation/percent").isTextual(), "percent travels as a string");
        AgreementActivated activated = EventCodec.data(event, EventTypes.AGREEMENT_ACTIVATED);
        assertEquals(UUID.fromString(id), activated.agreementId());
        assertEquals(UUID.fromString(partnerId), activated.partnerId());
        assertEquals("incentivized", activated.kind());
        assertEquals("reciprocal", activated.direction());
        assertEquals(
                CompensationType.REFERRAL_FEE_PERCENT, activated.compensation().type());
        assertEquals(new BigDecimal("15.00"), activated.compensation().percent());
        assertNull(activated.compensation().flatFee());
        assertTrue(activated.feeDisclosedToClients());
        assertEquals(LocalDate.parse("2026-01-01"), activated.effectiveFrom());
        assertEquals(LocalDate.parse("2026-12-31"), activated.effectiveTo());
        assertNull(activated.supersedesAgreementId());
    }

    @Test
    void aNewAgreementSupersedesTheActiveOne() {
        String partnerId = createPartner(false);
        LocalDate before = LocalDate.now(ZoneOffset.UTC);
        String first = createAgreement(partnerId, INFORMAL);
        as(tenant, "viewer")
                .get(agreements(partnerId) + "/" + first)
                .then()
                .body("compensation.type", equalTo("none"))
                .body(
                        "effectiveFrom",
                        in(List.of(
                                before.toString(), LocalDate.now(ZoneOffset.UTC).toString())));

        String second = postAgreement(tenant, "member", partnerId, FLAT_FEE)
                .statusCode(201)
                .body("compensation.flatFee.amount", equalTo("150.0000"))
                .body("compensation.flatFee.currency", equalTo("EUR"))
                .extract()
                .path("id");

        as(tenant, "viewer")
                .get(agreements(partnerId) + "/" + first)
                .then()
                .statusCode(200)
                .body("status", equalTo("superseded"))
                .body("supersededBy", equalTo(second))
                .body("endedAt", notNullValue())
                .body("endReason", equalTo("superseded"));
        as(tenant, "viewer")
                .get(agreements(partnerId))
                .then()
                .statusCode(200)
                .body("id", contains(second, first))
                .body("status", contains("active", "superseded"));
        partner(partnerId).body("relationship", equalTo("partner")).body("activeAgreementId", equalTo(second));

        as(tenant, "owner")
                .body("{\"reason\":\"Replaced\"}")
                .post(agreements(partnerId) + "/" + first + "/end")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/agreement-not-active"))
                .body("agreementStatus", equalTo("superseded"));

        List<CloudEvent> events = agreementEvents(partnerId, 4);
        assertEquals(
                List.of(
                        EventTypes.AGREEMENT_ACTIVATED.cloudEventType(),
                        EventTypes.AGREEMENT_ENDED.cloudEventType(),
                        EventTypes.AGREEMENT_ACTIVATED.cloudEventType()),
                events.stream().map(CloudEvent::type).toList());
        AgreementEnded ended = EventCodec.data(events.get(1), EventTypes.AGREEMENT_ENDED);
        assertEquals(UUID.fromString(first), ended.agreementId());
        assertEquals("superseded", ended.reason());
        assertEquals(UUID.fromString(second), ended.supersededBy());
        AgreementActivated activated = EventCodec.data(events.get(2), EventTypes.AGREEMENT_ACTIVATED);
        assertEquals(UUID.fromString(second), activated.agreementId());
        assertEquals(UUID.fromString(first), activated.supersedesAgreementId());
        assertEquals(CompensationType.FLAT_FEE, activated.compensation().type());
        assertEquals(
                new Money(new BigDecimal("150.0000"), "EUR"),
                activated.compensation().flatFee());
        assertFalse(activated.feeDisclosedToClients());
    }

    @Test
    void concurrentAgreementsTakeTurnsAndLeaveOneActive() throws Exception {
        String partnerId = createPartner(false);
        int count = 4;
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                answers.add(pool.submit(() -> as(tenant, "owner")
                        .body(INFORMAL)
                        .post(agreements(partnerId))
                        .statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertEquals(201, answer.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> statuses = as(tenant, "viewer")
                .get(agreements(partnerId))
                .then()
                .statusCode(200)
                .body("$", hasSize(count))
                .extract()
                .path("status");
        assertEquals(List.of("active", "superseded", "superseded", "superseded"), statuses);
        String active =
                as(tenant, "viewer").get(agreements(partnerId)).then().extract().path("[0].id");
        partner(partnerId).body("activeAgreementId", equalTo(active));
    }

    @Test
    void endingTheAgreementMakesThePartnerASourceAgain() {
        String partnerId = createPartner(false);
        String id = createAgreement(partnerId, INFORMAL);
        String end = agreements(partnerId) + "/" + id + "/end";

        as(tenant, "owner")
                .body("{\"reason\":\" \"}")
                .post(end)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("reason"));
        as(tenant, "owner")
                .body("{\"reason\":\"" + "x".repeat(2001) + "\"}")
                .post(end)
                .then()
                .statusCode(400)
                .body("errors.field", contains("reason"));
        partner(partnerId).body("relationship", equalTo("partner"));

        as(tenant, "member")
                .body("{\"reason\":\"The partner retired\"}")
                .post(end)
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("status", equalTo("ended"))
                .body("endReason", equalTo("The partner retired"))
                .body("endedAt", notNullValue())
                .body("supersededBy", nullValue());
        partner(partnerId).body("relationship", equalTo("source")).body("activeAgreementId", nullValue());
        as(tenant, "viewer").get(agreements(partnerId)).then().body("status", contains("ended"));

        as(tenant, "owner")
                .body("{\"reason\":\"Again\"}")
                .post(end)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/agreement-not-active"))
                .body("status", equalTo(409))
                .body("agreementStatus", equalTo("ended"));

        List<CloudEvent> events = agreementEvents(partnerId, 3);
        assertEquals(EventTypes.AGREEMENT_ENDED.cloudEventType(), events.get(1).type());
        AgreementEnded ended = EventCodec.data(events.get(1), EventTypes.AGREEMENT_ENDED);
        assertEquals(UUID.fromString(id), ended.agreementId());
        assertEquals("The partner retired", ended.reason());
        assertNull(ended.supersededBy());
    }

    @Test
    void aLicensedPartnerIsPaidOnlyWithAComplianceAcknowledgement() {
        String partnerId = createPartner(true);

        postAgreement(tenant, "owner", partnerId, REFERRAL_FEE)
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", endsWith("/compliance-acknowledgement-required"))
                .body("detail", containsString("Licensing boards restrict or forbid referral fees"));
        String refused = FLAT_FEE.replace("\"signedVia\"", "\"complianceAcknowledged\":false,\"signedVia\"");
        postAgreement(tenant, "owner", partnerId, refused)
                .statusCode(422)
                .body("type", endsWith("/compliance-acknowledgement-required"));
        as(tenant, "viewer").get(agreements(partnerId)).then().statusCode(200).body("$", empty());
        partner(partnerId).body("relationship", equalTo("source")).body("activeAgreementId", nullValue());

        String acknowledged = REFERRAL_FEE.replace(
                "\"feeDisclosedToClients\":true", "\"feeDisclosedToClients\":true,\"complianceAcknowledged\":true");
        postAgreement(tenant, "owner", partnerId, acknowledged)
                .statusCode(201)
                .body("complianceAcknowledged", equalTo(true));
        partner(partnerId).body("relationship", equalTo("partner"));
    }

    @Test
    void aClientDiscountDoesNotPayTheLicensedPartnerSoNeedsNoAcknowledgement() {
        String partnerId = createPartner(true);
        postAgreement(tenant, "owner", partnerId, """
                {"kind":"incentivized","direction":"one_way",
                 "compensation":{"type":"client_discount_percent","percent":10}}""")
                .statusCode(201)
                .body("compensation.type", equalTo("client_discount_percent"))
                .body("compensation.percent", equalTo("10.00"))
                .body("complianceAcknowledged", equalTo(false))
                .body("feeDisclosedToClients", equalTo(false));
        partner(partnerId).body("relationship", equalTo("partner"));
    }

    @Test
    void inconsistentTermsAreFieldErrors() {
        String partnerId = createPartner(false);
        String agreements = agreements(partnerId);

        invalid(agreements, """
                {"kind":"incentivized","direction":"one_way","compensation":{"type":"referral_fee_percent"},
                 "feeDisclosedToClients":true}""", "compensation.percent");
        invalid(agreements, """
                {"kind":"incentivized","direction":"one_way",
                 "compensation":{"type":"revenue_share_percent","percent":"100.01"},"feeDisclosedToClients":true}""", "compensation.percent");
        invalid(agreements, """
                {"kind":"incentivized","direction":"one_way",
                 "compensation":{"type":"referral_fee_percent","percent":"-1"},"feeDisclosedToClients":true}""", "compensation.percent");
        invalid(agreements, """
                {"kind":"incentivized","direction":"one_way",
                 "compensation":{"type":"flat_fee","flatFee":{"amount":"50"}},"feeDisclosedToClients":true}""", "compensation.flatFee.currency");
        invalid(agreements, """
                {"kind":"incentivized","direction":"one_way",
                 "compensation":{"type":"flat_fee","flatFee":{"amount":"50","currency":"ZZZ"}},
                 "feeDisclosedToClients":true}""", "compensation.flatFee.currency");
        invalid(agreements, """
                {"kind":"incentivized","direction":"one_way",
                 "compensation":{"type":"flat_fee","flatFee":{"amount":"0","currency":"USD"}},
                 "feeDisclosedToClients":true}""", "compensation.flatFee.amount");
        invalid(agreements, """
                {"kind":"incentivized","direction":"one_way","compensation":{"type":"flat_fee","percent":"5"},
                 "feeDisclosedToClients":true}""", "compensation.flatFee", "compensation.percent");
        invalid(agreements, """
                {"kind":"incentivized","direction":"one_way","compensation":{"type":"none"}}""", "compensation.type");
        invalid(agreements, """
                {"kind":"incentivized","direction":"one_way"}""", "compensation");
        invalid(agreements, """
                {"kind":"formal","direction":"one_way","compensation":{"type":"none","percent":"5"}}""", "compensation.percent");
        invalid(agreements, """
                {"kind":"formal","direction":"one_way",
                 "compensation":{"type":"referral_fee_percent","percent":"12"}}""", "feeDisclosedToClients");
        invalid(agreements, """
                {"kind":"formal","direction":"one_way","effectiveFrom":"2026-03-01","effectiveTo":"2026-03-01"}""", "effectiveTo");
        invalid(agreements, """
                {"direction":"sideways"}""", "direction");
        invalid(agreements, """
                {"direction":"one_way"}""", "kind");

        as(tenant, "viewer").get(agreements).then().statusCode(200).body("$", empty());
        partner(partnerId).body("relationship", equalTo("source"));

        // A formal agreement may pay the partner: only incentivized is bound to.
        postAgreement(tenant, "owner", partnerId, """
                {"kind":"formal","direction":"one_way","compensation":{"type":"referral_fee_percent","percent":"12"},
                 "feeDisclosedToClients":false}""").statusCode(201);
    }

    private void invalid(String path, String body, String... fields) {
        as(tenant, "owner")
                .body(body)
                .post(path)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", endsWith("/validation-failed"))
                .body("errors.field", contains(fields));
    }

    @Test
    void anArchivedPartnerTakesNoNewAgreement() {
        String partnerId = createPartner(false);
        as(tenant, "owner").delete("/api/partners/" + partnerId).then().statusCode(200);
        postAgreement(tenant, "owner", partnerId, INFORMAL)
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/partner-archived"));
        as(tenant, "viewer").get(agreements(partnerId)).then().statusCode(200).body("$", empty());
    }

    @Test
    void viewersReadButCannotWrite() {
        String partnerId = createPartner(false);
        postAgreement(tenant, "viewer", partnerId, INFORMAL).statusCode(403).contentType("application/problem+json");
        String id = createAgreement(partnerId, INFORMAL);
        as(tenant, "viewer")
                .body("{\"reason\":\"No\"}")
                .post(agreements(partnerId) + "/" + id + "/end")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        as(tenant, "viewer").get(agreements(partnerId)).then().statusCode(200).body("$", hasSize(1));
        as(tenant, "viewer")
                .get(agreements(partnerId) + "/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("active"));
    }

    @Test
    void anotherPracticesPartnerAndAgreementsAreNotFound() {
        String partnerId = createPartner(false);
        String id = createAgreement(partnerId, INFORMAL);
        String stranger = "practice-" + UUID.randomUUID();

        postAgreement(stranger, "owner", partnerId, INFORMAL).statusCode(404).contentType("application/problem+json");
        as(stranger, "owner").get(agreements(partnerId)).then().statusCode(404).contentType("application/problem+json");
        as(stranger, "owner")
                .get(agreements(partnerId) + "/" + id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        as(stranger, "owner")
                .body("{\"reason\":\"Hijacked\"}")
                .post(agreements(partnerId) + "/" + id + "/end")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");

        // Within the practice, an agreement is only found under its own partner.
        String otherPartner = createPartner(false);
        as(tenant, "owner").get(agreements(otherPartner) + "/" + id).then().statusCode(404);
        as(tenant, "owner")
                .body("{\"reason\":\"Wrong partner\"}")
                .post(agreements(otherPartner) + "/" + id + "/end")
                .then()
                .statusCode(404);
        as(tenant, "owner").get(agreements(UUID.randomUUID().toString())).then().statusCode(404);

        as(tenant, "viewer")
                .get(agreements(partnerId))
                .then()
                .body("id", contains(id))
                .body("status", contains("active"));
        partner(partnerId).body("activeAgreementId", equalTo(id));
    }

    @Test
    void documentsTheAgreementApi() {
        given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body("paths.'/api/partners/{partnerId}/agreements'.post.operationId", equalTo("createAgreement"))
                .body(
                        "paths.'/api/partners/{partnerId}/agreements'.post.responses.'422'.content."
                                + "'application/problem+json'",
                        notNullValue())
                .body(
                        "paths.'/api/partners/{partnerId}/agreements'.post.responses.'409'.content."
                                + "'application/problem+json'",
                        notNullValue())
                .body("paths.'/api/partners/{partnerId}/agreements'.get.operationId", equalTo("listAgreements"))
                .body(
                        "paths.'/api/partners/{partnerId}/agreements/{agreementId}'.get.operationId",
                        equalTo("getAgreement"))
                .body(
                        "paths.'/api/partners/{partnerId}/agreements/{agreementId}/end'.post.operationId",
                        equalTo("endAgreement"))
                .body("components.schemas.Compensation.properties.percent.type", equalTo("string"))
                .body("components.schemas.FlatFee.properties.amount.type", equalTo("string"))
                .body(
                        "components.schemas.CompensationType.enum",
                        contains(
                                "none",
                                "referral_fee_percent",
                                "flat_fee",
                                "revenue_share_percent",
                                "client_discount_percent"));
    }
}
