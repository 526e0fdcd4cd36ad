package io.referrals.localstack;

import java.nio.file.Path;
import java.util.List;

/** One of the platform's services: its module name and the HTTP port it gets without an offset. */
public record ServiceDefinition(String name, int basePort) {
    public static final List<ServiceDefinition> ALL = List.of(
            new ServiceDefinition("partner-service", 8081),
            new ServiceDefinition("referral-service", 8082),
            new ServiceDefinition("metrics-service", 8083),
            new ServiceDefinition("notification-service", 8084));

    public static ServiceDefinition named(String name) {
        return ALL.stream()
                .filter(s -> s.name.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Unknown service " + name + "; known: " + String.join(", ", allNames())));
    }

    public static List<String> allNames() {
        return ALL.stream().map(ServiceDefinition::name).toList();
    }

    /** The fast-jar {@code ./mvnw package} builds in the service's module. */
    public Path jar(Path repoRoot) {
        return repoRoot.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
