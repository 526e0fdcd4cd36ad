package io.referrals.localstack;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged services ride out an outage of PostgreSQL, then of the broker, each longer than every limit of their
 * consumers, while clients keep posting referrals with Idempotency-Keys (retrying whatever is not a 2xx): afterwards
 * every acknowledged referral is stored once, counted once by metrics-service and thanked once by
 * notification-service, nothing went to a dead-letter topic, and no service was restarted (the same processes).
 *
 * <p>The services' limits are lowered for this test through a {@code config/application.properties} in the stack's
 * data directory (each service's working directory; the file outranks the packaged configuration, not the
 * environment), so that each outage outlasts them in about a minute: Kafka's {@code max.poll.interval.ms} 20 s (5
 * minutes in production) and session timeout 10 s, the Inbox's longest pause 2 s (30 s) and its wedge limit for one
 * attempt 20 s (10 minutes). Each outage lasts {@link #OUTAGE}: longer than those and than the throttled commit
 * strategy's 60 s, after which the channels used to stay dead (now off in every profile).
 */
class OutagesIT {
    private static final Duration OUTAGE = Duration.ofSeconds(65);
    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final int CLIENTS = 3;
    private static final List<String> SERVICES =
            List.of("partner-service", "referral-service", "metrics-service", "notification-service");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static RunningStack stack;
    private static Path dataDir;
    private static Map<String, Long> pids;

    private final String tenant = "outage-" + UUID.randomUUID();
    private final String token = stack.token(tenant, "owner");

    @BeforeAll
    static void startPlatform() throws IOException {
        dataDir = Files.createTempDirectory("platform-outages");
        Files.createDirectories(dataDir.resolve("config"));
        Files.writeString(dataDir.resolve("config/application.properties"), """
                mp.messaging.connector.smallrye-kafka.max.poll.interval.ms=20000
                mp.messaging.connector.smallrye-kafka.session.timeout.ms=10000
                mp.messaging.connector.smallrye-kafka.heartbeat.interval.ms=3000
                platform.inbox.max-pause=2s
                platform.inbox.stuck-after=20s
                """);
        stack = LocalStack.start(Options.defaults()
                .withRepoRoot(Path.of("../..")) // failsafe runs in deploy/local-stack
                .withDataDir(dataDir)
                .withPortOffset(2000)); // beside a developer's own stack and PlatformEndToEndIT's
        pids = servicePids();
        assertEquals(Set.copyOf(SERVICES), pids.keySet(), "one process per service");
    }

    @AfterAll
    static void stopPlatform() throws IOException {
        if (stack != null) {
            stack.close();
        }
        if (dataDir != null) {
            try (var files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void aDatabaseOutageLongerThanEveryConsumerLimitLosesNothingAndDoublesNothing() throws Exception {
        Outcome outcome = underLoad(stack.outageControls()::stopDatabase, stack.outageControls()::startDatabase);
        System.out.printf("PostgreSQL away %s s: %s%n", OUTAGE.toSeconds(), outcome);
        assertTrue(outcome.answers.getOrDefault(503, 0) > 0, "requests during the outage answer 503: " + outcome);
        assertEquals(Set.of(201, 503), outcome.answers.keySet(), "only 201 and 503 (never a 500): " + outcome);
        assertTrue(outcome.everyRefusalSaidRetryAfter.get(), "every 503 carried Retry-After");
        assertEverythingOnceAndNothingRestarted(outcome);
    }

    @Test
    void aBrokerOutageAsLongLosesNothingAndDoublesNothing() throws Exception {
        Outcome outcome = underLoad(stack.outageControls()::stopBroker, stack.outageControls()::startBroker);
        System.out.printf("Kafka away %s s: %s%n", OUTAGE.toSeconds(), outcome);
        // Writes go to the outbox: the broker away changes nothing for clients.
        assertEquals(Set.of(201), outcome.answers.keySet(), "every request answered 201: " + outcome);
        assertEverythingOnceAndNothingRestarted(outcome);
    }

    /** What the clients saw. */
    private record Outcome(
            String partnerId,
            Set<String> acknowledged,
            Map<Integer, Integer> answers,
            AtomicBoolean everyRefusalSaidRetryAfter,
            AtomicBoolean livenessStayedUp) {
        @Override
        public String toString() {
            return acknowledged.size() + " referrals acknowledged, answers " + new TreeMap<>(answers)
                    + ", liveness stayed UP: " + livenessStayedUp.get();
        }
    }

    /**
     * Clients post referrals before, during and after the outage ({@code stop} … {@link #OUTAGE} … {@code start}),
     * each retrying its referral with the same Idempotency-Key until a 2xx; liveness is polled all along.
     */
    private Outcome underLoad(Runnable stop, Runnable start) throws Exception {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        String partnerId = partnerKnownToReferralService(acknowledged);
        ConcurrentMap<Integer, Integer> answers = new ConcurrentHashMap<>();
        AtomicBoolean retryAfter = new AtomicBoolean(true);
        AtomicBoolean livenessUp = new AtomicBoolean(true);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger sequence = new AtomicInteger();
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(started("client-" + i, () -> {
                while (running.get()) {
                    String key = tenant + "-" + sequence.incrementAndGet();
                    String body = "{\"partnerId\":\"" + partnerId + "\",\"referred\":{\"name\":\"Person " + key
                            + "\",\"email\":\"p" + key.hashCode() + "@example.com\"},\"consent\":\"outcome\"}";
                    // Once a referral is sent it is retried until acknowledged, even after the test says stop.
                    while (true) {
                        try {
                            HttpResponse<String> response =
                                    send("referral-service", "POST", "/api/referrals", body, key);
                            answers.merge(response.statusCode(), 1, Integer::sum);
                            if (response.statusCode() == 201) {
                                acknowledged.add(
                                        JSON.readTree(response.body()).get("id").asText());
                                break;
                            }
                            if (response.statusCode() == 503
                                    && response.headers()
                                            .firstValue("Retry-After")
                                            .isEmpty()) {
                                retryAfter.set(false);
                            }
                            Thread.sleep(500);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        } catch (IOException e) {
                            answers.merge(-1, 1, Integer::sum); // no answer at all
                        }
                    }
                    sleepQuietly(100);
                }
            }));
        }
        Thread liveness = started("liveness", () -> {
            while (running.get()) {
                for (String service : SERVICES) {
                    if (!isLive(service)) {
                        livenessUp.set(false);
                    }
                }
                sleepQuietly(1000);
            }
        });
        await().atMost(DEADLINE).until(() -> acknowledged.size() >= 20);
        stop.run();
        Instant stopped = Instant.now();
        await().atMost(OUTAGE.plus(DEADLINE))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> Duration.between(stopped, Instant.now()).compareTo(OUTAGE) >= 0);
        start.run();
        int atRestart = acknowledged.size();
        await().atMost(DEADLINE).until(() -> acknowledged.size() >= atRestart + 20);
        running.set(false);
        for (Thread client : clients) {
            client.join(DEADLINE.toMillis());
        }
        liveness.join(DEADLINE.toMillis());
        return new Outcome(partnerId, acknowledged, new TreeMap<>(answers), retryAfter, livenessUp);
    }

    private void assertEverythingOnceAndNothingRestarted(Outcome outcome) throws Exception {
        int expected = outcome.acknowledged.size();
        JsonNode stored = call("referral-service", "GET", "/api/referrals?size=1&partnerId=" + outcome.partnerId);
        assertEquals(expected, stored.get("total").asInt(), "stored once: " + outcome);
        await().atMost(DEADLINE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonNode counted = call("metrics-service", "GET", "/api/metrics/partners/" + outcome.partnerId);
            assertEquals(expected, counted.get("referralsReceived").asInt(), "counted once: " + outcome);
            JsonNode thanked = call(
                    "notification-service",
                    "GET",
                    "/api/notifications?size=1&kind=referral_thank_you&partnerId=" + outcome.partnerId);
            assertEquals(expected, thanked.get("total").asInt(), "thanked once: " + outcome);
        });
        // Stays so: nothing more arrives later (a redelivery applied twice would show here).
        JsonNode counted = call("metrics-service", "GET", "/api/metrics/partners/" + outcome.partnerId);
        assertEquals(expected, counted.get("referralsReceived").asInt());
        assertTrue(outcome.livenessStayedUp.get(), "liveness stayed UP on every service: " + outcome);
        assertEquals(pids, servicePids(), "no service was restarted");
        for (String service : SERVICES) {
            assertEquals(0, deadLetters(service + ".dlq"), "nothing dead-lettered by " + service);
        }
    }

    /** A new partner, once referral-service knows it: the first referral naming it is acknowledged. */
    private String partnerKnownToReferralService(Set<String> acknowledged) throws Exception {
        JsonNode partner = call(
                "partner-service",
                "POST",
                "/api/partners",
                "{\"name\":\"Dana Lee\",\"email\":\"dana." + UUID.randomUUID() + "@example.com\",\"category\":"
                        + "\"professional\"}",
                201);
        String partnerId = partner.get("id").asText();
        // referral-service learns the partner from partner.events; until then a referral naming it answers 422.
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(250)).until(() -> {
            HttpResponse<String> response = send(
                    "referral-service",
                    "POST",
                    "/api/referrals",
                    "{\"partnerId\":\"" + partnerId + "\",\"referred\":{\"name\":\"First One\","
                            + "\"email\":\"first@example.com\"},\"consent\":\"outcome\"}",
                    tenant + "-first");
            if (response.statusCode() != 201) {
                return false;
            }
            acknowledged.add(JSON.readTree(response.body()).get("id").asText());
            return true;
        });
        return partnerId;
    }

    /** The services' JVMs, children of this one, by service name. */
    private static Map<String, Long> servicePids() {
        return SERVICES.stream().collect(Collectors.toMap(service -> service, stack::servicePid));
    }

    private static long deadLetters(String topic) throws Exception {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()))) {
            var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
            return admin.listOffsets(partitions).all().get().values().stream()
                    .mapToLong(info -> info.offset())
                    .sum();
        }
    }

    private static boolean isLive(String service) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + Ports.management(stack.servicePort(service))
                                    + "/q/health/live"))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private JsonNode call(String service, String method, String path) throws Exception {
        return call(service, method, path, null, 200);
    }

    private JsonNode call(String service, String method, String path, String body, int expectedStatus)
            throws Exception {
        HttpResponse<String> response = send(service, method, path, body, null);
        assertEquals(expectedStatus, response.statusCode(), method + " " + path + ": " + response.body());
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(String service, String method, String path, String body, String idempotencyKey)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + stack.servicePort(service) + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Thread started(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
