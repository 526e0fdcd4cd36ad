package io.referrals.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.events.CloudEvent;
import io.referrals.events.Consent;
import io.referrals.events.EventCodec;
import io.referrals.events.EventTypes;
import io.referrals.events.Money;
import io.referrals.events.ReferralChannel;
import io.referrals.events.ReferralStatus;
import io.referrals.events.Topics;
import io.referrals.events.referral.ReferralAttributed;
import io.referrals.events.referral.ReferralClosed;
import io.referrals.events.referral.ReferralConverted;
import io.referrals.events.referral.ReferralReceived;
import io.referrals.events.referral.ReferralStatusChanged;
import io.referrals.events.referral.Referrer;
import io.referrals.testing.Api;
import io.referrals.testing.KafkaTestClient;
import io.referrals.testing.PlatformTestResource;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(GreenMailResource.class)
class ThankYouTest {
    private final String tenant = "practice-" + UUID.randomUUID();
    private final UUID partnerId = UUID.randomUUID();

    @Inject
    AgroalDataSource dataSource;

    private static KafkaTestClient kafka() {
        return new KafkaTestClient(PlatformTestResource.bootstrapServers());
    }

    private static RequestSpecification as(String tenantId) {
        return Api.as(tenantId, "member");
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
    void anUnverifiedReferralThanksNobodyUntilThePracticeConfirmsItThenOnceWithWhatItReached() throws Exception {
        UUID confirmed = UUID.randomUUID();
        UUID rejected = UUID.randomUUID();
        Instant at = Instant.now();
        CloudEvent converted = wrap(
                EventTypes.REFERRAL_CONVERTED,
                confirmed,
                new ReferralConverted(confirmed, null, new Money(new BigDecimal("900.00"), "USD"), at, at));
        CloudEvent closed = wrap(
                EventTypes.REFERRAL_CLOSED,
                rejected,
                new ReferralClosed(rejected, null, ReferralStatus.DECLINED, Consent.OUTCOME, at, at));
        for (CloudEvent event : List.of(
                unverifiedReceived(confirmed),
                wrap(
                        EventTypes.REFERRAL_STATUS_CHANGED,
                        confirmed,
                        new ReferralStatusChanged(
                                confirmed,
                                null,
                                ReferralStatus.RECEIVED,
                                ReferralStatus.CONVERTED,
                                Consent.OUTCOME,
                                at)),
                converted,
                unverifiedReceived(rejected),
                wrap(
                        EventTypes.REFERRAL_STATUS_CHANGED,
                        rejected,
                        new ReferralStatusChanged(
                                rejected, null, ReferralStatus.RECEIVED, ReferralStatus.DECLINED, Consent.OUTCOME, at)),
                closed)) {
            kafka().send(Topics.REFERRAL_EVENTS, event);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(converted.id()) && processed(closed.id()));
        as(tenant).get("/api/notifications").then().statusCode(200).body("total", equalTo(0));

        // Confirmed: one thank-you, and the outcome the referral reached meanwhile (its consent allows it), even if
        // the confirmation arrives twice.
        ReferralAttributed attribution =
                new ReferralAttributed(confirmed, new Referrer(partnerId, "Dana Lee", "dana@example.com"), at);
        kafka().send(Topics.REFERRAL_EVENTS, wrap(EventTypes.REFERRAL_ATTRIBUTED, confirmed, attribution));
        CloudEvent again = wrap(EventTypes.REFERRAL_ATTRIBUTED, confirmed, attribution);
        kafka().send(Topics.REFERRAL_EVENTS, again);
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(again.id()));
        as(tenant)
                .get("/api/notifications?partnerId=" + partnerId)
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items.kind", containsInAnyOrder("referral_thank_you", "outcome_update"))
                .body("items.referralId", everyItem(equalTo(confirmed.toString())))
                .body("items.recipientEmail", everyItem(equalTo("dana@example.com")));
        // The rejected one (nothing is published for it) thanked and told nobody.
        as(tenant).get("/api/notifications").then().body("total", equalTo(2));
    }

    private <T> CloudEvent wrap(io.referrals.events.EventType<T> type, UUID referralId, T data) {
        return EventCodec.wrap(type, "/referral-service", tenant, referralId.toString(), data);
    }

    private CloudEvent unverifiedReceived(UUID referralId) {
        return wrap(
                EventTypes.REFERRAL_RECEIVED,
                referralId,
                new ReferralReceived(
                        referralId,
                        new Referrer(null, "Dana Lee", null),
                        "Sam Rivera",
                        Consent.OUTCOME,
                        Instant.now(),
                        ReferralChannel.INTAKE_LINK,
                        null,
                        ReferralReceived.UNVERIFIED));
    }

    private boolean processed(String eventId) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select count(*) from notification.processed_event where event_id = ?")) {
            select.setString(1, eventId);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getInt(1) == 1;
            }
        }
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
