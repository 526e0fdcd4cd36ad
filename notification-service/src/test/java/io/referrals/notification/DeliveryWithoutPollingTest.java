package io.referrals.notification;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.referrals.notification.entity.DeliveryStatus;
import io.referrals.notification.entity.WebhookDelivery;
import io.referrals.notification.entity.WebhookDeliveryRepository;
import io.referrals.testing.PlatformTestResource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Delivery that keeps up (issue 31), with the periodic polls of the webhook dispatcher switched off:
 * whatever arrives was sent because the commit that recorded it woke the dispatcher, and a webhook lane went from
 * one delivery to the next without a tick in between (before the lanes, one delivery per endpoint per poll: with no
 * poll, nothing arrived). Real PostgreSQL, Kafka, GreenMail and an HTTP receiver. Throughput is printed, never
 * asserted: rates belong in the benchmark.
 */
@QuarkusTest
@TestProfile(DeliveryWithoutPollingTest.NoPolling.class)
@WithTestResource(PlatformTestResource.class)
@WithTestResource(GreenMailResource.class)
class DeliveryWithoutPollingTest {
    private static final Duration WAIT = Duration.ofSeconds(120);

    public static class NoPolling implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("notifications.webhooks.every", "off");
        }
    }

    @Inject
    WebhookDeliveryRepository deliveries;

    private final Events events = new Events();

    @Test
    void fiveHundredDeliveriesToOneEndpointArriveInOrderEachOnceWithoutAPoll() {
        int count = 500;
        try (Receiver receiver = new Receiver()) {
            String secret;
            UUID subscriptionId;
            var created = events.as("member")
                    .body("{\"url\":\"" + receiver.url() + "\",\"events\":[\"referral.received\"]}")
                    .post("/api/webhooks")
                    .then()
                    .statusCode(201)
                    .extract()
                    .jsonPath();
            secret = created.getString("secret");
            subscriptionId = UUID.fromString(created.getString("id"));

            // Recorded as the event consumer records them (insertOnce), in one transaction: its commit is the wake-up.
            QuarkusTransaction.requiringNew().run(() -> {
                for (int n = 0; n < count; n++) {
                    WebhookDelivery delivery = new WebhookDelivery();
                    delivery.id = UUID.randomUUID();
                    delivery.tenantId = events.tenant;
                    delivery.subscriptionId = subscriptionId;
                    delivery.eventId = "event-" + n;
                    delivery.eventType = "referral.received";
                    delivery.payload = "{\"specversion\":\"1.0\",\"n\":" + n + "}";
                    delivery.createdAt = Instant.now();
                    assertTrue(deliveries.insertOnce(delivery));
                }
            });
            long started = System.nanoTime();
            await().atMost(WAIT).until(() -> receiver.requests().size() >= count);
            long millis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf(
                    "[delivery figures] %d webhook deliveries to one endpoint in %d ms (%.0f/s), no poll%n",
                    count, millis, count * 1000.0 / millis);

            await().atMost(WAIT)
                    .until(() -> QuarkusTransaction.requiringNew()
                                    .call(() -> deliveries.count(
                                            "subscriptionId = ?1 and status = ?2",
                                            subscriptionId,
                                            DeliveryStatus.DELIVERED))
                            == count);
            List<Receiver.Request> got = receiver.requests();
            assertEquals(count, got.size(), "each delivery once");
            Set<String> ids = new HashSet<>();
            for (int n = 0; n < count; n++) {
                Receiver.Request request = got.get(n);
                assertEquals("{\"specversion\":\"1.0\",\"n\":" + n + "}", request.body(), "in the order recorded");
                assertTrue(ids.add(request.id()), "one webhook-id once: " + request.id());
                assertTrue(Receiver.verifies(request, secret), "signed: " + request.id());
            }
            List<Integer> attempts = QuarkusTransaction.requiringNew()
                    .call(() -> deliveries.list("subscriptionId", subscriptionId).stream()
                            .map(d -> d.attempts)
                            .distinct()
                            .toList());
            assertEquals(List.of(1), attempts, "one attempt each");
        }
    }
}
