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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A rolling update, checked: the previous release's packaged services (see {@link PreviousRelease}) make their
 * schema, the newest services migrate it (Flyway at start, as the first new pod does), then the previous release
 * runs against that schema, alone and beside new ones, and carries a referral from intake to metrics and the
 * thank-you at the SMTP server. A migration
 * that takes away or renames what the previous release reads or writes, or a Flyway setting that refuses a schema
 * newer than the code, fails it. The README's "Upgrades without downtime" is the rule it checks.
 */
class UpgradeCompatibilityIT {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** failsafe runs in deploy/local-stack. */
    private static final Path REPO = Path.of("../..").toAbsolutePath().normalize();
    /** The services that write events first; the mixed step runs them new and their consumers old. */
    private static final List<String> PRODUCERS = List.of("partner-service", "referral-service");

    private static PreviousRelease.Revision previous;
    private static Path previousTree;
    private static Path dataDir;
    private static RunningStack stack;

    @BeforeAll
    static void packageThePreviousRelease() throws IOException {
        previous = PreviousRelease.choose(REPO);
        System.out.println("Previous release: " + previous.shortCommit() + ", " + previous.why());
        previousTree = PreviousRelease.packaged(
                previous, REPO, Path.of("target", "upgrade-from").toAbsolutePath());
        dataDir = Files.createTempDirectory("upgrade-compatibility");
    }

    @AfterAll
    static void stopPlatform() throws IOException {
        if (stack != null) {
            stack.close();
        }
        StackLogs.keepLogsAndDelete(dataDir, "UpgradeCompatibilityIT");
    }

    @Test
    void thePreviousReleaseRunsItsThinFlowOnTheNewestSchemaAloneAndBesideNewServices() throws Exception {
        Instant began = Instant.now();
        // 0. The previous release as it runs in production before the update: its schema, with a row in it.
        stack = start(previousTree, true);
        String token = stack.token("upgrade-" + UUID.randomUUID(), "owner");
        String writtenByPrevious = createPartner(token, "Avery Stone");
        stack.close();

        // 1. The new release starts on it, as its first pod does: Flyway migrates every schema from the previous
        //    release's version to the newest, over existing rows; the new code reads the old row and writes one the
        //    previous release must read later.
        stack = start(REPO, false);
        assertEquals("Avery Stone", partnerName(token, writtenByPrevious));
        String writtenByNew = createPartner(token, "Robin Vale");
        stack.close();

        // 2. The previous release alone on that schema: it starts (Flyway accepts a schema newer than its
        //    migrations), reads what the new code wrote and runs the thin flow.
        Set<String> newerThanPrevious = migrationsNewerThanThePreviousRelease();
        stack = start(previousTree, false);
        assertTrue(
                appliedMigrations().containsAll(newerThanPrevious),
                "the schema has the migrations the previous release does not know: " + newerThanPrevious);
        assertEquals("Robin Vale", partnerName(token, writtenByNew));
        thinFlow("old");
        stack.close();

        // 3. Mid-update: new producers beside the previous release's consumers, which read the new events.
        stack = start(mixedTree(), false);
        thinFlow("mixed");
        System.out.printf(
                "Previous release %s ran on the newest schema (migrations it does not know: %s) in %s s%n",
                previous.shortCommit(),
                newerThanPrevious.isEmpty() ? "none" : newerThanPrevious,
                RunningStack.seconds(Duration.between(began, Instant.now())));
    }

    private static String createPartner(String token, String name) throws IOException, InterruptedException {
        String email = name.toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "@example.com";
        return call(
                        token,
                        "partner-service",
                        "POST",
                        "/api/partners",
                        "{\"name\":\"" + name + "\",\"email\":\"" + email + "\",\"category\":\"professional\"}",
                        null,
                        201)
                .get("id")
                .asText();
    }

    private static String partnerName(String token, String partnerId) throws IOException, InterruptedException {
        return call(token, "partner-service", "GET", "/api/partners/" + partnerId, null, null, 200)
                .get("name")
                .asText();
    }

    /**
     * A practice sends thank-yous without review, creates a partner and a referral from them and converts it; the
     * referral is counted by metrics-service and thanked by notification-service, once, at the SMTP server.
     */
    private void thinFlow(String step) throws Exception {
        String token = stack.token(step + "-" + UUID.randomUUID(), "owner");
        call(token, "notification-service", "PUT", "/api/notifications/settings", """
                {"practiceName":"Blake Coaching","replyTo":"jordan@blakecoaching.example","signature":"Jordan Blake",
                 "autoSend":["referral_thank_you","contact_made_update","outcome_update"]}""", null, 200);
        String partnerId = call(
                        token,
                        "partner-service",
                        "POST",
                        "/api/partners",
                        "{\"name\":\"Dana Lee\",\"email\":\"dana@example.com\",\"category\":\"professional\"}",
                        null,
                        201)
                .get("id")
                .asText();
        // referral-service learns the partner from partner.events; until then it answers 422 unknown-partner.
        String referralBody = "{\"partnerId\":\"" + partnerId + "\",\"referred\":{\"name\":\"Sam Rivera\","
                + "\"email\":\"sam@example.com\"},\"note\":\"Career change\",\"consent\":\"outcome\"}";
        String[] referralId = new String[1];
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(250)).until(() -> {
            HttpResponse<String> response =
                    send(token, "referral-service", "POST", "/api/referrals", referralBody, step + "-intro");
            if (response.statusCode() == 201) {
                referralId[0] = JSON.readTree(response.body()).get("id").asText();
                return true;
            }
            assertEquals(422, response.statusCode(), response.body());
            return false;
        });
        call(
                token,
                "referral-service",
                "POST",
                "/api/referrals/" + referralId[0] + "/conversion",
                "{\"programValue\":\"1500.00\",\"currency\":\"USD\"}",
                null,
                200);

        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            JsonNode metrics =
                    call(token, "metrics-service", "GET", "/api/metrics/partners/" + partnerId, null, null, 200);
            assertEquals(1, metrics.get("referralsReceived").asInt(), step + ": " + metrics);
            assertEquals(1, metrics.get("referralsConverted").asInt(), step + ": " + metrics);
            assertEquals("1500.00", metrics.get("revenue").get(0).get("amount").asText(), step + ": " + metrics);
        });
        String[] thankYou = new String[1];
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            JsonNode sent = call(
                    token,
                    "notification-service",
                    "GET",
                    "/api/notifications?status=sent&partnerId=" + partnerId,
                    null,
                    null,
                    200);
            List<String> kinds = new ArrayList<>();
            for (JsonNode message : sent.get("items")) {
                kinds.add(message.get("kind").asText());
                if (message.get("kind").asText().equals("referral_thank_you")) {
                    assertEquals(referralId[0], message.get("referralId").asText());
                    thankYou[0] = message.get("messageId").asText();
                }
            }
            assertEquals(Set.of("referral_thank_you", "outcome_update"), new HashSet<>(kinds), step + ": " + sent);
            assertEquals(2, kinds.size(), step + ": " + sent);
        });
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            List<String> delivered = new ArrayList<>();
            for (Path eml : stack.receivedMail()) {
                String raw = Files.readString(eml);
                if (raw.contains("Message-ID: " + thankYou[0])) {
                    delivered.add(raw);
                }
            }
            assertEquals(1, delivered.size(), step + ": the thank-you at the SMTP server once");
            assertTrue(delivered.get(0).contains("referring Sam to us"), delivered.get(0));
        });
    }

    /** A stack of the services in {@code tree} on the test's one data directory (its database and broker log). */
    private static RunningStack start(Path tree, boolean clean) {
        RunningStack started = LocalStack.start(Options.defaults()
                .withRepoRoot(tree)
                .withDataDir(dataDir)
                .withClean(clean)
                .withPortOffset(4000)); // beside a developer's own stack and the other ITs'; Kafka above ephemeral
        System.out.printf("Services of %s ready in %s s%n", tree, RunningStack.seconds(started.startupTime()));
        return started;
    }

    /** A tree whose producers are the new build's and whose consumers are the previous release's (symbolic links). */
    private static Path mixedTree() throws IOException {
        Path mixed = Path.of("target", "upgrade-mixed").toAbsolutePath();
        Files.createDirectories(mixed);
        for (String service : ServiceDefinition.allNames()) {
            Path link = mixed.resolve(service);
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, (PRODUCERS.contains(service) ? REPO : previousTree).resolve(service));
        }
        return mixed;
    }

    /** "schema version" of each migration the new build has and the previous release does not. */
    private static Set<String> migrationsNewerThanThePreviousRelease() {
        Map<String, List<String>> newest = PreviousRelease.migrationVersions(REPO);
        Map<String, List<String>> older = PreviousRelease.migrationVersions(previousTree);
        Set<String> newer = new HashSet<>();
        newest.forEach((schema, versions) -> versions.stream()
                .filter(v -> !older.get(schema).contains(v))
                .forEach(v -> newer.add(schema + " " + v)));
        return newer;
    }

    /** "schema version" of each migration Flyway applied successfully, from every service's history table. */
    private static Set<String> appliedMigrations() throws SQLException {
        Set<String> applied = new HashSet<>();
        var database = stack.database();
        try (Connection connection =
                DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password())) {
            for (String schema : PreviousRelease.migrationVersions(REPO).keySet()) {
                try (var statement = connection.createStatement();
                        ResultSet rows = statement.executeQuery("select version from " + schema
                                + ".flyway_schema_history where success and version is not null")) {
                    while (rows.next()) {
                        applied.add(schema + " " + rows.getString(1));
                    }
                }
            }
        }
        return applied;
    }

    private static JsonNode call(
            String token,
            String service,
            String method,
            String path,
            String body,
            String idempotencyKey,
            int expectedStatus)
            throws IOException, InterruptedException {
        HttpResponse<String> response = send(token, service, method, path, body, idempotencyKey);
        assertEquals(expectedStatus, response.statusCode(), method + " " + path + ": " + response.body());
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> send(
            String token, String service, String method, String path, String body, String idempotencyKey)
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
}
