package io.referrals.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.events.CloudEvent;
import io.referrals.events.Consent;
import io.referrals.events.EventCodec;
import io.referrals.events.EventTypes;
import io.referrals.events.Topics;
import io.referrals.events.referral.ReferralReceived;
import io.referrals.events.referral.Referrer;
import io.referrals.testing.DevTokens;
import io.referrals.testing.KafkaTestClient;
import io.referrals.testing.PlatformTestResource;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(GreenMailResource.class)
class ThankYouTest {
    private final String tenant = "practice-" + UUID.randomUUID();
    private final UUID partnerId = UUID.randomUUID();

    private static KafkaTestClient kafka() {
        return new KafkaTestClient(PlatformTestResource.bootstrapServers());
    }

    private static RequestSpecification as(String tenantId) {
        return given().auth().oauth2(DevTokens.token(tenantId, "member"));
    }

    private CloudEvent received(UUID referralId, String referredName, Consent consent) {
        return EventCodec.wrap(
                EventTypes.REFERRAL_RECEIVED,
                "/referral-service",
                tenant,
                referralId.toString(),
                new ReferralReceived(
                        referralId,
                        new Referrer(partnerId, "Dana Lee", "dana@example.com"),
                        referredName,
                        consent,
                        Instant.now()));
    }

    @Test
    void oneThankYouPerReferralEvenWhenTheEventIsRedelivered() {
        CloudEvent event = received(UUID.randomUUID(), "Sam Rivera", Consent.OUTCOME);
        kafka().send(Topics.REFERRAL_EVENTS, event);
        kafka().send(Topics.REFERRAL_EVENTS, event);
        // The same referral under a new event id (a producer retry after a crash) still gets one thank-you.
        kafka().send(
                        Topics.REFERRAL_EVENTS,
                        EventCodec.wrap(
                                EventTypes.REFERRAL_RECEIVED,
                                "/referral-service",
                                tenant,
                                event.subject(),
                                EventCodec.data(event, EventTypes.REFERRAL_RECEIVED)));
        CloudEvent later = received(UUID.randomUUID(), "Alex Kim", Consent.NONE);
        kafka().send(Topics.REFERRAL_EVENTS, later);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> as(tenant)
                        .get("/api/notifications?partnerId=" + partnerId)
                        .then()
                        .statusCode(200)
                        .body("total", equalTo(2)));
        as(tenant)
                .get("/api/notifications?partnerId=" + partnerId)
                .then()
                .body("items.find { it.referralId == '" + event.subject() + "' }.body", containsString("referring Sam"))
                .body("items.find { it.referralId == '" + later.subject() + "' }.body", not(containsString("Alex")))
                .body("items[0].kind", equalTo("referral_thank_you"))
                .body("items[0].recipientEmail", equalTo("dana@example.com"));
    }

    @Test
    void aMalformedEventIsDeadLettered() {
        String poison = "poison-" + UUID.randomUUID();
        kafka().send(Topics.REFERRAL_EVENTS, poison, "garbage");
        CloudEvent after = received(UUID.randomUUID(), "After", Consent.OUTCOME);
        kafka().send(Topics.REFERRAL_EVENTS, after);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> as(tenant).get("/api/notifications").then().body("total", equalTo(1)));
        var dead = kafka().readUntil(
                        Topics.deadLetter("notification-service"),
                        Duration.ofSeconds(30),
                        records -> records.stream().anyMatch(r -> poison.equals(r.key())));
        assertTrue(dead.stream().anyMatch(r -> poison.equals(r.key())));
    }

    @Test
    void notificationsAreAuthenticatedAndScopedToThePractice() {
        kafka().send(Topics.REFERRAL_EVENTS, received(UUID.randomUUID(), "Pat", Consent.OUTCOME));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> as(tenant).get("/api/notifications").then().body("total", equalTo(1)));
        given().get("/api/notifications").then().statusCode(401).contentType("application/problem+json");
        as("practice-" + UUID.randomUUID())
                .get("/api/notifications")
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
        as(tenant)
                .get("/api/notifications?size=0")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("size"));
    }
}
