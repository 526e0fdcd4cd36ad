package io.referrals.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Gives a {@code @QuarkusTest} a PostgreSQL of its own that it may stop and start ({@link #database()}), and the
 * broker every test of the JVM shares ({@link PlatformTestResource}). For outage tests.
 */
public class RestartableDatabaseResource implements QuarkusTestResourceLifecycleManager {
    private static RestartableDatabase database;

    @Override
    public synchronized Map<String, String> start() {
        Map<String, String> shared = new PlatformTestResource().start();
        if (database == null) {
            database = RestartableDatabase.start();
        }
        database.startAgain();
        Map<String, String> config = new HashMap<>(shared);
        config.put("quarkus.datasource.jdbc.url", database.jdbcUrl());
        config.put("quarkus.datasource.username", database.user());
        config.put("quarkus.datasource.password", database.password());
        return config;
    }

    @Override
    public void stop() {
        if (database != null) {
            database.startAgain();
        }
    }

    public static RestartableDatabase database() {
        return database;
    }
}
