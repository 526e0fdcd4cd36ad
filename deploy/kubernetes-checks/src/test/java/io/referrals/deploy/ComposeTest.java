package io.referrals.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** docker-compose.yml: for one machine, and safe there. Checked without a container engine; by docker-compose too where installed. */
class ComposeTest {
    private static final Path COMPOSE = Rendered.REPOSITORY.resolve("docker-compose.yml");

    @Test
    void composeKeepsKafkaOnItsVolumeStartsOnHealthyDependenciesAndPublishesOnLoopbackOnly() throws IOException {
        String text = Files.readString(COMPOSE);
        assertTrue(
                text.lines().limit(3).anyMatch(l -> l.contains("ONE MACHINE, NOT PRODUCTION")),
                "the file says at its top that it is for one machine, not production");
        // SnakeYAML itself: it resolves the anchors and merge keys (<<: *service) as docker-compose does.
        JsonNode services = Rendered.JSON
                .valueToTree(new org.yaml.snakeyaml.Yaml().load(text))
                .path("services");
        List<String> problems = new ArrayList<>();
        for (var it = services.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String name = entry.getKey();
            JsonNode service = entry.getValue();
            // ${REFERRALS_VERSION:-0.1.0-SNAPSHOT}: the default is what runs unless the caller says otherwise.
            String image = service.path("image").asText().replaceAll("\\$\\{[^:}]+:-([^}]+)}", "$1");
            PlatformRulesTest.require(
                    problems,
                    name,
                    "an image with a pinned version (" + image + ")",
                    image.matches("[^:]+:[^:]*\\d[^:]*") && !image.endsWith(":latest"));
            for (JsonNode port : service.path("ports")) {
                PlatformRulesTest.require(
                        problems,
                        name,
                        "port " + port.asText() + " on 127.0.0.1",
                        port.asText().startsWith("127.0.0.1:"));
            }
            for (var deps = service.path("depends_on").fields(); deps.hasNext(); ) {
                var dependency = deps.next();
                String condition = dependency.getValue().path("condition").asText();
                JsonNode target = services.path(dependency.getKey());
                if (target.has("healthcheck")) {
                    PlatformRulesTest.require(
                            problems,
                            name,
                            "waits for " + dependency.getKey() + " to be healthy",
                            condition.equals("service_healthy"));
                }
            }
        }
        PlatformRulesTest.require(
                problems,
                "postgres",
                "no published port",
                !services.path("postgres").has("ports"));
        PlatformRulesTest.require(
                problems, "kafka", "no published port", !services.path("kafka").has("ports"));
        PlatformRulesTest.require(
                problems, "postgres", "a healthcheck", services.path("postgres").has("healthcheck"));
        PlatformRulesTest.require(
                problems, "kafka", "a healthcheck", services.path("kafka").has("healthcheck"));
        JsonNode kafka = services.path("kafka");
        String logDirs = kafka.path("environment").path("KAFKA_LOG_DIRS").asText();
        boolean onVolume = false;
        for (JsonNode volume : kafka.path("volumes")) {
            String[] parts = volume.asText().split(":");
            onVolume |= parts.length >= 2 && parts[1].equals(logDirs) && !parts[0].startsWith(".");
        }
        PlatformRulesTest.require(
                problems, "kafka", "KAFKA_LOG_DIRS (" + logDirs + ") is the named volume's path", onVolume);
        PlatformRulesTest.require(
                problems,
                "kafka",
                "a fixed CLUSTER_ID (the volume's log directory is reused)",
                kafka.path("environment").has("CLUSTER_ID"));
        for (String service : Rendered.SERVICES) {
            JsonNode s = services.path(service);
            PlatformRulesTest.require(problems, service, "in compose", !s.isMissingNode());
            PlatformRulesTest.require(
                    problems,
                    service,
                    "waits for kafka healthy",
                    s.path("depends_on")
                            .path("kafka")
                            .path("condition")
                            .asText()
                            .equals("service_healthy"));
        }
        PlatformRulesTest.require(
                problems,
                "console",
                "built from console/Dockerfile",
                services.path("console").path("build").path("context").asText().equals("./console"));
        assertEquals(List.of(), problems);
    }

    @Test
    void dockerComposeAcceptsTheFileWhereItIsInstalled() throws Exception {
        List<String> command = null;
        for (List<String> candidate : List.of(List.of("docker-compose"), List.of("docker", "compose"))) {
            if (runs(candidate)) {
                command = candidate;
                break;
            }
        }
        Assumptions.assumeTrue(command != null, "neither docker-compose nor docker compose is installed");
        List<String> config = new ArrayList<>(command);
        config.addAll(List.of("-f", COMPOSE.toString(), "config", "-q"));
        ProcessBuilder builder = new ProcessBuilder(config).redirectErrorStream(true);
        builder.environment().put("INTAKE_SECRET_KEY", "checks-only");
        builder.environment().put("UNSUBSCRIBE_SECRET", "checks-only");
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "docker-compose config timed out");
        assertEquals(0, process.exitValue(), out);
    }

    private static boolean runs(List<String> command) {
        try {
            List<String> version = new ArrayList<>(command);
            version.add("version");
            Process process =
                    new ProcessBuilder(version).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
