package io.referrals.localstack;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The run command's own handling of its PostgreSQL and broker, on a real stack (one service is enough): a killed
 * database comes back by itself with its data, a stopped one stays down until started, and the broker can be taken
 * away and brought back, and a service or the broker that dies is started again by the stack's watch unless a caller
 * holds it. These are the controls the outage tests of the whole platform build on.
 */
class StackOutageControlsIT {
    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static RunningStack stack;
    private static OutageControls controls;
    private static Path dataDir;

    private final String tenant = "outage-" + UUID.randomUUID();
    private final String token = stack.token(tenant, "owner");

    @BeforeAll
    static void startStack() throws IOException {
        dataDir = Files.createTempDirectory("stack-outage-controls");
        stack = LocalStack.start(Options.defaults()
                .withRepoRoot(Path.of("../.."))
                .withDataDir(dataDir)
                .withClean(true)
                .withPortOffset(3000)
                .withServices(List.of("partner-service")));
        controls = stack.outageControls();
    }

    @AfterAll
    static void stopStack() throws IOException {
        if (stack != null) {
            stack.close();
        }
        if (dataDir != null) {
            try (var files = Files.walk(dataDir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void aKilledDatabaseComesBackByItselfAStoppedOneWaitsForStartAndTheBrokerComesBack() throws Exception {
        String partnerId = createPartner("Dana Lee", "dana@example.com");

        // Killed whole: the watch starts it again on the same data; the service answers with the data as before.
        controls.killDatabase();
        await().atMost(DEADLINE).until(() -> controls.databaseRestarts() == 1 && controls.isDatabaseUp());
        await().atMost(DEADLINE)
                .ignoreExceptions()
                .until(() -> get("/api/partners/" + partnerId).statusCode() == 200);

        // Stopped on purpose: the watch looks several times and leaves it down.
        controls.stopDatabase();
        long rounds = controls.databaseWatchRounds();
        await().atMost(DEADLINE).until(() -> controls.databaseWatchRounds() >= rounds + 3);
        assertFalse(controls.isDatabaseUp());
        assertEquals(1, controls.databaseRestarts());
        controls.startDatabase();
        assertTrue(controls.isDatabaseUp());
        await().atMost(DEADLINE)
                .ignoreExceptions()
                .until(() -> get("/api/partners/" + partnerId).statusCode() == 200);

        // The broker away and back on the same data and port: the service publishes again.
        controls.stopBroker();
        controls.startBroker();
        String second = createPartner("Sam Rivera", "sam@example.com");
        await().atMost(DEADLINE)
                .ignoreExceptions()
                .until(() -> get("/api/partners/" + second).statusCode() == 200);
        assertEquals(1, controls.databaseRestarts());
    }

    @Test
    void aServiceOrTheBrokerThatDiesIsStartedAgainByTheStackAndAHeldOneIsLeftAlone() throws Exception {
        String partnerId = createPartner("Robin Ames", "robin@example.com");
        long pid = stack.servicePid("partner-service");

        // Killed behind the stack's back: the watch reports it and starts it again; the API answers with its data.
        controls.killService("partner-service");
        await().atMost(DEADLINE).until(() -> controls.watchRestarts("partner-service") == 1);
        await().atMost(DEADLINE).until(() -> controls.isServiceReady("partner-service"));
        assertTrue(stack.servicePid("partner-service") != pid, "a new JVM");
        await().atMost(DEADLINE)
                .ignoreExceptions()
                .until(() -> get("/api/partners/" + partnerId).statusCode() == 200);

        // Held: a caller that kills it on purpose keeps it down as long as it likes; the watch looks and leaves it.
        try (Hold hold = controls.hold("partner-service")) {
            controls.killService("partner-service");
            long rounds = controls.processWatchRounds();
            await().atMost(DEADLINE).until(() -> controls.processWatchRounds() >= rounds + 3);
            assertFalse(controls.isServiceUp("partner-service"));
            stack.restart("partner-service");
        }
        assertEquals(1, controls.watchRestarts("partner-service"), "the watch left the held service to its holder");

        // The broker killed: started again by the watch on the same log directory; publishing resumes.
        controls.killBroker();
        await().atMost(DEADLINE)
                .until(() -> controls.watchRestarts(OutageControls.KAFKA) == 1 && controls.isBrokerUp());
        String second = createPartner("Kim Ode", "kim@example.com");
        await().atMost(DEADLINE)
                .ignoreExceptions()
                .until(() -> get("/api/partners/" + second).statusCode() == 200);
    }

    private String createPartner(String name, String email) {
        String body = "{\"name\":\"" + name + "\",\"email\":\"" + email + "\",\"category\":\"professional\"}";
        String[] id = new String[1];
        // Retried while the service reconnects after an outage.
        await().atMost(DEADLINE).ignoreExceptions().until(() -> {
            HttpResponse<String> response = send("POST", "/api/partners", body);
            if (response.statusCode() == 201) {
                id[0] = JSON.readTree(response.body()).get("id").asText();
                return true;
            }
            return false;
        });
        return id[0];
    }

    private HttpResponse<String> get(String path) {
        try {
            return send("GET", path, null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + stack.servicePort("partner-service") + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
