package io.referrals.metrics;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.events.CloudEvent;
import io.referrals.events.Consent;
import io.referrals.events.EventCodec;
import io.referrals.events.EventTypes;
import io.referrals.events.Money;
import io.referrals.events.PartnerCategory;
import io.referrals.events.ReferralChannel;
import io.referrals.events.ReferralStatus;
import io.referrals.events.Topics;
import io.referrals.events.partner.PartnerCreated;
import io.referrals.events.referral.ReferralAttributed;
import io.referrals.events.referral.ReferralConverted;
import io.referrals.events.referral.ReferralReceived;
import io.referrals.events.referral.Referrer;
import io.referrals.testing.Api;
import io.referrals.testing.KafkaTestClient;
import io.referrals.testing.PlatformTestResource;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class PartnerMetricsTest {
    private final String tenant = "practice-" + UUID.randomUUID();
    private final UUID partnerId = UUID.randomUUID();
    private final Instant received = Instant.parse("2026-03-01T09:00:00Z");

    private static KafkaTestClient kafka() {
        return new KafkaTestClient(PlatformTestResource.bootstrapServers());
    }

    private static RequestSpecification as(String tenantId) {
        return Api.as(tenantId, "viewer");
    }

    private CloudEvent receivedEvent(UUID referralId) {
        return EventCodec.wrap(
                EventTypes.REFERRAL_RECEIVED,
                "/referral-service",
                tenant,
                referralId.toString(),
                new ReferralReceived(
                        referralId, new Referrer(partnerId, "Dana Lee", null), "Sam", Consent.NONE, received));
    }

    private CloudEvent convertedEvent(UUID referralId, String amount, String currency) {
        return EventCodec.wrap(
                EventTypes.REFERRAL_CONVERTED,
                "/referral-service",
                tenant,
                referralId.toString(),
                new ReferralConverted(
                        referralId,
                        partnerId,
                        new Money(new BigDecimal(amount), currency),
                        received,
                        received.plus(Duration.ofDays(10))));
    }

    @Test
    void countsEachEventOnceAndAttributesRevenuePerCurrency() {
        kafka().send(
                        Topics.PARTNER_EVENTS,
                        EventCodec.wrap(
                                EventTypes.PARTNER_CREATED,
                                "/partner-service",
                                tenant,
                                partnerId.toString(),
                                new PartnerCreated(
                                        partnerId, "Dana Lee", null, PartnerCategory.PROFESSIONAL, received)));
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        CloudEvent firstReceived = receivedEvent(first);
        CloudEvent firstConverted = convertedEvent(first, "1500.00", "USD");
        kafka().send(Topics.REFERRAL_EVENTS, firstReceived);
        kafka().send(Topics.REFERRAL_EVENTS, firstReceived);
        kafka().send(Topics.REFERRAL_EVENTS, receivedEvent(second));
        kafka().send(Topics.REFERRAL_EVENTS, firstConverted);
        kafka().send(Topics.REFERRAL_EVENTS, firstConverted);
        kafka().send(Topics.REFERRAL_EVENTS, convertedEvent(second, "200.50", "EUR"));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> as(tenant)
                        .get("/api/metrics/partners/" + partnerId)
                        .then()
                        .statusCode(200)
                        .body("referralsConverted", equalTo(2))
                        .body("partnerName", equalTo("Dana Lee"))
                        .body("category", equalTo("professional"))
                        .body("referralsReceived", equalTo(2))
                        .body("conversionRate", equalTo(1.0f))
                        .body("averageDaysToConvert", equalTo(10.0f))
                        .body("revenue.size()", equalTo(2))
                        .body("revenue.find { it.currency == 'USD' }.amount", equalTo("1500.00"))
                        .body("revenue.find { it.currency == 'EUR' }.amount", equalTo("200.50")));
    }

    @Test
    void anUnverifiedReferralCountsForThePartnerOnlyOnceConfirmedAndThenAsIfFromTheStart() {
        Events events = new Events(tenant);
        UUID confirmedPartner = partnerId;
        UUID verifiedPartner = UUID.randomUUID();
        Instant contacted = received.plus(Duration.ofDays(2));
        Instant converted = received.plus(Duration.ofDays(10));
        UUID unverified = UUID.randomUUID();
        UUID rejected = UUID.randomUUID();
        UUID verified = UUID.randomUUID();
        Events.send(
                events.partnerCreated(
                        confirmedPartner, "Dana Lee", PartnerCategory.PROFESSIONAL, List.of(), null, received),
                events.partnerCreated(
                        verifiedPartner, "Lee Other", PartnerCategory.PROFESSIONAL, List.of(), null, received),
                // Matched by email on a public intake link, converted before the practice confirmed the match.
                unverifiedReceived(events, unverified),
                events.statusChanged(unverified, null, ReferralStatus.RECEIVED, ReferralStatus.CONTACTED, contacted),
                events.converted(unverified, null, "1500.00", "USD", received, converted),
                // Matched too, then closed; the practice rejects the match: nobody's ever.
                unverifiedReceived(events, rejected),
                events.closed(rejected, null, ReferralStatus.DECLINED, received, contacted),
                // The same story as the first, attributed by the practice from the start.
                events.received(verified, verifiedPartner, null, received, null),
                events.statusChanged(
                        verified, verifiedPartner, ReferralStatus.RECEIVED, ReferralStatus.CONTACTED, contacted),
                events.converted(verified, verifiedPartner, "1500.00", "USD", received, converted));

        // The practice's numbers count all three at once; the matched partner's count none of them.
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> as(tenant)
                        .get("/api/metrics/summary?from=2026-03-01&to=2026-03-31")
                        .then()
                        .statusCode(200)
                        .body("received", equalTo(3))
                        .body("converted", equalTo(2)));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> partnerNumbers(verifiedPartner).body("referralsReceived", equalTo(1)));
        partnerNumbers(confirmedPartner)
                .body("referralsReceived", equalTo(0))
                .body("referralsConverted", equalTo(0))
                .body("revenue.size()", equalTo(0));

        Events.send(events.wrap(
                EventTypes.REFERRAL_ATTRIBUTED,
                unverified,
                new ReferralAttributed(
                        unverified, new Referrer(confirmedPartner, "Dana Lee", null), converted.plusSeconds(60))));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> partnerNumbers(confirmedPartner).body("referralsReceived", equalTo(1)));
        Map<String, Object> afterConfirmation =
                partnerNumbers(confirmedPartner).extract().jsonPath().getMap("");
        Map<String, Object> fromTheStart =
                partnerNumbers(verifiedPartner).extract().jsonPath().getMap("");
        for (String number : List.of(
                "referralsReceived",
                "referralsConverted",
                "conversionRate",
                "averageDaysToConvert",
                "revenue",
                "firstReferralAt",
                "lastReferralAt")) {
            assertEquals(fromTheStart.get(number), afterConfirmation.get(number), number);
        }
        as(tenant)
                .get("/api/metrics/summary?from=2026-03-01&to=2026-03-31")
                .then()
                .body("received", equalTo(3))
                .body("converted", equalTo(2));
    }

    private CloudEvent unverifiedReceived(Events events, UUID referralId) {
        return events.wrap(
                EventTypes.REFERRAL_RECEIVED,
                referralId,
                new ReferralReceived(
                        referralId,
                        new Referrer(null, "Dana Lee", null),
                        null,
                        Consent.NONE,
                        received,
                        ReferralChannel.INTAKE_LINK,
                        null,
                        ReferralReceived.UNVERIFIED));
    }

    private ValidatableResponse partnerNumbers(UUID partner) {
        return as(tenant).get("/api/metrics/partners/" + partner).then().statusCode(200);
    }

    @Test
    void aPartnerWithoutReferralsHasNoRateYet() {
        kafka().send(
                        Topics.PARTNER_EVENTS,
                        EventCodec.wrap(
                                EventTypes.PARTNER_CREATED,
                                "/partner-service",
                                tenant,
                                partnerId.toString(),
                                new PartnerCreated(partnerId, "New Partner", null, PartnerCategory.CLIENT, received)));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> as(tenant)
                        .get("/api/metrics/partners/" + partnerId)
                        .then()
                        .statusCode(200)
                        .body("referralsReceived", equalTo(0))
                        .body("conversionRate", nullValue()));
    }

    @Test
    void malformedRecordsOfABatchAreDeadLetteredAndTheRestOfItCounts() {
        String poison = "poison-" + UUID.randomUUID();
        String garbage = "garbage-" + UUID.randomUUID();
        // Sent back to back, so that they arrive in one poll: one transaction, two records parked, two counted.
        kafka().send(Topics.REFERRAL_EVENTS, receivedEvent(UUID.randomUUID()));
        kafka().send(
                        Topics.REFERRAL_EVENTS,
                        poison,
                        "{\"specversion\":\"1.0\",\"id\":\"x\",\"source\":\"/x\","
                                + "\"type\":\"io.referrals.referral.received.v1\",\"tenantid\":\"" + tenant
                                + "\",\"data\":{\"referralId\":7}}");
        kafka().send(Topics.REFERRAL_EVENTS, garbage, "not an event at all");
        kafka().send(Topics.REFERRAL_EVENTS, receivedEvent(UUID.randomUUID()));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> as(tenant)
                        .get("/api/metrics/partners/" + partnerId)
                        .then()
                        .statusCode(200)
                        .body("referralsReceived", equalTo(2)));
        var dead = kafka().readUntil(
                        Topics.deadLetter("metrics-service"),
                        Duration.ofSeconds(30),
                        records -> parked(records, poison) && parked(records, garbage));
        assertTrue(parked(dead, poison), "the event whose data does not match its contract is parked");
        assertTrue(parked(dead, garbage), "the record that is not an event is parked");
        var header = dead.stream()
                .filter(r -> poison.equals(r.key()))
                .findFirst()
                .orElseThrow()
                .headers()
                .lastHeader("dead-letter-topic");
        assertEquals(Topics.REFERRAL_EVENTS, new String(header.value(), StandardCharsets.UTF_8));
    }

    @Test
    void anEventFromTheWrongProducerOrOnTheWrongTopicIsParkedAndNotCounted() {
        // A batch with a genuine receipt, a receipt claiming another producer, and a referral event sent on
        // partner.events by its rightful producer: only the first counts, the two others go to the dead-letter topic.
        CloudEvent forged = EventCodec.wrap(
                EventTypes.REFERRAL_RECEIVED,
                "/partner-service",
                tenant,
                UUID.randomUUID().toString(),
                new ReferralReceived(
                        UUID.randomUUID(), new Referrer(partnerId, "Dana Lee", null), null, Consent.NONE, received));
        CloudEvent misplaced = receivedEvent(UUID.randomUUID());
        kafka().send(Topics.REFERRAL_EVENTS, receivedEvent(UUID.randomUUID()));
        kafka().send(Topics.REFERRAL_EVENTS, forged);
        kafka().send(Topics.PARTNER_EVENTS, misplaced);
        kafka().send(Topics.REFERRAL_EVENTS, receivedEvent(UUID.randomUUID()));

        var dead = kafka().readUntil(
                        Topics.deadLetter("metrics-service"),
                        Duration.ofSeconds(30),
                        records -> parked(records, forged.subject()) && parked(records, misplaced.subject()));
        assertTrue(parked(dead, forged.subject()), "an event whose source is not the topic's producer is parked");
        assertTrue(parked(dead, misplaced.subject()), "an event of another topic's contract is parked");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> as(tenant)
                        .get("/api/metrics/partners/" + partnerId)
                        .then()
                        .statusCode(200)
                        .body("referralsReceived", equalTo(2)));
    }

    private static boolean parked(List<ConsumerRecord<String, String>> records, String key) {
        return records.stream().anyMatch(r -> key.equals(r.key()));
    }

    @Test
    void metricsAreAuthenticatedAndScopedToThePractice() {
        kafka().send(Topics.REFERRAL_EVENTS, receivedEvent(UUID.randomUUID()));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> as(tenant)
                        .get("/api/metrics/partners/" + partnerId)
                        .then()
                        .statusCode(200));

        given().get("/api/metrics/partners/" + partnerId)
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        as("practice-" + UUID.randomUUID())
                .get("/api/metrics/partners/" + partnerId)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        as(tenant).get("/api/metrics/partners/" + UUID.randomUUID()).then().statusCode(404);
    }
}
