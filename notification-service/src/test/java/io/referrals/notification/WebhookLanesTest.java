package io.referrals.notification;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.notification.entity.DeliveryStatus;
import io.referrals.notification.entity.WebhookDelivery;
import io.referrals.notification.entity.WebhookDeliveryRepository;
import io.referrals.notification.entity.WebhookSubscriptionRepository;
import io.referrals.testing.PlatformTestResource;
import io.referrals.testing.TestClock;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The per-endpoint lanes of the webhook dispatcher against real PostgreSQL and a real HTTP receiver: concurrent
 * claims (two replicas' lanes) never take the same delivery, one dispatcher at a time holds an endpoint, and a failing
 * delivery keeps its retry schedule while the endpoint's later deliveries go on in order.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(GreenMailResource.class)
class WebhookLanesTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Events events = new Events();

    @Inject
    WebhookDeliveryRepository deliveries;

    @Inject
    WebhookSubscriptionRepository subscriptions;

    @Inject
    TestClock clock;

    @AfterEach
    void restore() {
        clock.reset();
    }

    private JsonPath subscribe(String url) {
        return events.as("member")
                .body("{\"url\":\"" + url + "\",\"events\":[\"referral.received\"]}")
                .post("/api/webhooks")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    private void record(UUID subscriptionId, int count) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (int n = 0; n < count; n++) {
                WebhookDelivery delivery = new WebhookDelivery();
                delivery.id = UUID.randomUUID();
                delivery.tenantId = events.tenant;
                delivery.subscriptionId = subscriptionId;
                delivery.eventId = "event-" + n;
                delivery.eventType = "referral.received";
                delivery.payload = "{\"n\":" + n + "}";
                delivery.createdAt = clock.instant();
                deliveries.insertOnce(delivery);
            }
        });
    }

    @Test
    void twoConcurrentClaimsOfOneEndpointNeverTakeTheSameDelivery() throws Exception {
        int count = 300;
        try (Receiver receiver = new Receiver()) {
            UUID subscriptionId = UUID.fromString(subscribe(receiver.url()).getString("id"));
            // Disabled: the service's own dispatcher leaves it alone, the two claimers here are the only ones.
            events.as("member")
                    .body("{\"enabled\":false}")
                    .patch("/api/webhooks/" + subscriptionId)
                    .then()
                    .statusCode(200);
            record(subscriptionId, count);

            CountDownLatch start = new CountDownLatch(1);
            Callable<List<UUID>> claimer = () -> {
                start.await();
                List<UUID> taken = new ArrayList<>();
                while (true) {
                    List<UUID> batch = QuarkusTransaction.requiringNew().call(() -> {
                        Instant now = Instant.now();
                        return deliveries.claimForEndpoint(subscriptionId, now, now.plusSeconds(60), 7).stream()
                                .map(d -> d.id)
                                .toList();
                    });
                    if (batch.isEmpty()) {
                        return taken;
                    }
                    taken.addAll(batch);
                }
            };
            ExecutorService two = Executors.newFixedThreadPool(2);
            try {
                Future<List<UUID>> first = two.submit(claimer);
                Future<List<UUID>> second = two.submit(claimer);
                start.countDown();
                List<UUID> a = first.get();
                List<UUID> b = second.get();
                Set<UUID> all = new HashSet<>(a);
                for (UUID id : b) {
                    assertTrue(all.add(id), "claimed twice: " + id);
                }
                assertEquals(
                        count, all.size(), "every due delivery claimed once (" + a.size() + " + " + b.size() + ")");
            } finally {
                two.shutdownNow();
            }
            assertEquals(0, receiver.requests().size(), "a disabled endpoint gets nothing");
        }
    }

    @Test
    void oneDispatcherAtATimeHoldsAnEndpointUntilItGivesItUpOrItsLeaseEnds() {
        try (Receiver receiver = new Receiver()) {
            UUID subscriptionId = UUID.fromString(subscribe(receiver.url()).getString("id"));
            UUID one = UUID.randomUUID();
            UUID other = UUID.randomUUID();
            Instant now = Instant.now();
            Instant until = now.plusSeconds(30);
            assertTrue(take(subscriptionId, one, now, until));
            assertFalse(take(subscriptionId, other, now, until), "held by the first");
            assertTrue(take(subscriptionId, one, now.plusSeconds(1), until.plusSeconds(1)), "renewed by its owner");
            QuarkusTransaction.requiringNew().run(() -> subscriptions.releaseLane(subscriptionId, other));
            assertFalse(take(subscriptionId, other, now, until), "only the owner gives it up");
            QuarkusTransaction.requiringNew().run(() -> subscriptions.releaseLane(subscriptionId, one));
            assertTrue(take(subscriptionId, other, now, until), "given up");
            assertTrue(take(subscriptionId, one, until.plusSeconds(2), until.plusSeconds(32)), "expired: taken over");
            QuarkusTransaction.requiringNew().run(() -> subscriptions.releaseLane(subscriptionId, one));
        }
    }

    private boolean take(UUID subscriptionId, UUID owner, Instant now, Instant until) {
        return QuarkusTransaction.requiringNew().call(() -> subscriptions.takeLane(subscriptionId, owner, now, until));
    }

    @Test
    void aFailingDeliveryKeepsItsRetryScheduleWhileTheEndpointsLaterDeliveriesGoOnInOrder() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.set(start);
        try (Receiver receiver = new Receiver().answering(500)) {
            UUID subscriptionId = UUID.fromString(subscribe(receiver.url()).getString("id"));
            record(subscriptionId, 5);
            await().atMost(WAIT).until(() -> receiver.requests().size() == 5);
            assertEquals(
                    List.of("{\"n\":0}", "{\"n\":1}", "{\"n\":2}", "{\"n\":3}", "{\"n\":4}"),
                    receiver.requests().stream().map(Receiver.Request::body).toList());
            await().atMost(WAIT).until(() -> delivered(subscriptionId) == 4);
            WebhookDelivery failed = QuarkusTransaction.requiringNew()
                    .call(() -> deliveries
                            .find("subscriptionId = ?1 and status = ?2", subscriptionId, DeliveryStatus.PENDING)
                            .singleResult());
            assertEquals("{\"n\":0}", failed.payload);
            assertEquals(1, failed.attempts);
            assertEquals(500, failed.lastStatusCode);
            // 5 s (± 10 %) on the service's clock; nothing is sent before it comes.
            assertTrue(
                    !failed.nextAttemptAt.isBefore(start.plusMillis(4500))
                            && !failed.nextAttemptAt.isAfter(start.plusMillis(5500)),
                    failed.nextAttemptAt.toString());
            assertEquals(5, receiver.requests().size());

            clock.advance(Duration.ofSeconds(6));
            await().atMost(WAIT).until(() -> delivered(subscriptionId) == 5);
            List<Receiver.Request> got = receiver.requests();
            assertEquals(6, got.size());
            assertEquals("{\"n\":0}", got.get(5).body());
            assertEquals(got.get(0).id(), got.get(5).id(), "the retry carries the same webhook-id");
        }
    }

    @Test
    void aLaneSendsItsDeliveriesOverOneKeptAliveConnection() throws Exception {
        int count = 20;
        try (RawEndpoint endpoint = new RawEndpoint(RawEndpoint.Mode.KEEP_ALIVE)) {
            UUID subscriptionId = UUID.fromString(subscribe(endpoint.url()).getString("id"));
            record(subscriptionId, count);
            await().atMost(WAIT).until(() -> delivered(subscriptionId) == count);
            assertEquals(count, endpoint.bodies().size(), "each delivery once");
            assertEquals(1, endpoint.connections(), "one connection for the lane's deliveries");
        }
    }

    @Test
    void anEndpointThatClosesItsConnectionsGetsEachDeliveryOnceOverNewOnes() throws Exception {
        int count = 5;
        for (RawEndpoint.Mode mode : List.of(RawEndpoint.Mode.SAYS_CLOSE, RawEndpoint.Mode.CLOSES_SILENTLY)) {
            try (RawEndpoint endpoint = new RawEndpoint(mode)) {
                UUID subscriptionId = UUID.fromString(subscribe(endpoint.url()).getString("id"));
                record(subscriptionId, count);
                await().atMost(WAIT).until(() -> delivered(subscriptionId) == count);
                assertEquals(count, endpoint.bodies().size(), mode + ": each delivery once");
                assertEquals(count, new HashSet<>(endpoint.bodies()).size(), mode + ": none twice");
                assertEquals(count, endpoint.connections(), mode + ": a new connection for each");
                List<Integer> attempts = QuarkusTransaction.requiringNew()
                        .call(() -> deliveries.list("subscriptionId", subscriptionId).stream()
                                .map(d -> d.attempts)
                                .distinct()
                                .toList());
                assertEquals(List.of(1), attempts, mode + ": one attempt each");
            }
        }
    }

    /**
     * A bare HTTP/1.1 endpoint on a socket of its own, to see connections: it keeps each one alive, closes it after
     * saying {@code Connection: close}, or closes it after each answer without saying so (a kept connection the
     * endpoint dropped: the sender finds it dead at its next request).
     */
    static final class RawEndpoint implements AutoCloseable {
        enum Mode {
            KEEP_ALIVE,
            SAYS_CLOSE,
            CLOSES_SILENTLY
        }

        private final ServerSocket server;
        private final Mode mode;
        private final AtomicInteger connections = new AtomicInteger();
        private final List<String> bodies = new CopyOnWriteArrayList<>();
        private final ExecutorService threads = Executors.newCachedThreadPool();

        RawEndpoint(Mode mode) throws IOException {
            this.mode = mode;
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            threads.execute(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket socket = server.accept();
                        connections.incrementAndGet();
                        threads.execute(() -> serve(socket));
                    } catch (IOException e) {
                        return;
                    }
                }
            });
        }

        private void serve(Socket socket) {
            try (socket) {
                InputStream in = new BufferedInputStream(socket.getInputStream());
                OutputStream out = socket.getOutputStream();
                while (true) {
                    String head = head(in);
                    if (head == null) {
                        return;
                    }
                    int length = 0;
                    for (String line : head.split("\r\n")) {
                        if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                            length = Integer.parseInt(line.substring(15).trim());
                        }
                    }
                    bodies.add(new String(in.readNBytes(length), StandardCharsets.UTF_8));
                    String answer = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n"
                            + (mode == Mode.SAYS_CLOSE ? "Connection: close\r\n" : "")
                            + "\r\nok";
                    out.write(answer.getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    if (mode != Mode.KEEP_ALIVE) {
                        return;
                    }
                }
            } catch (IOException e) {
                // the sender went away
            }
        }

        private static String head(InputStream in) throws IOException {
            StringBuilder head = new StringBuilder();
            int b;
            while ((b = in.read()) >= 0) {
                head.append((char) b);
                if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                    return head.toString();
                }
            }
            return null;
        }

        String url() {
            return "http://receiver.test:" + server.getLocalPort() + "/hook";
        }

        int connections() {
            return connections.get();
        }

        List<String> bodies() {
            return new ArrayList<>(bodies);
        }

        @Override
        public void close() throws IOException {
            server.close();
            threads.shutdownNow();
        }
    }

    private long delivered(UUID subscriptionId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> deliveries.count(
                        "subscriptionId = ?1 and status = ?2", subscriptionId, DeliveryStatus.DELIVERED));
    }
}
