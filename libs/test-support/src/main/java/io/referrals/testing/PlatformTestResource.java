package io.referrals.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Gives a {@code @QuarkusTest} a real PostgreSQL and a real Kafka broker, started once per test JVM.
 * Tests isolate themselves by using a fresh tenant id each, not by wiping data.
 */
public class PlatformTestResource implements QuarkusTestResourceLifecycleManager {
    private static EmbeddedDatabase database;
    private static EmbeddedKafka kafka;

    @Override
    public synchronized Map<String, String> start() {
        if (database == null) {
            database = EmbeddedDatabase.startForTests();
            kafka = EmbeddedKafka.start();
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", database.jdbcUrl(),
                "quarkus.datasource.username", database.user(),
                "quarkus.datasource.password", database.password(),
                "kafka.bootstrap.servers", kafka.bootstrapServers());
    }

    @Override
    public void stop() {
        // Kept for the whole JVM: several test classes share one database and broker.
    }

    public static String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public static EmbeddedDatabase database() {
        return database;
    }
}
