package io.referrals.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A real PostgreSQL server for tests and the local stack: the one named by {@code DB_URL} (with
 * {@code DB_USER} and {@code DB_PASSWORD}) when set, otherwise an embedded PostgreSQL 17 started from
 * Maven Central binaries, no Docker needed.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    private final EmbeddedPostgres embedded;
    private final String jdbcUrl;
    private final String user;
    private final String password;

    private EmbeddedDatabase(EmbeddedPostgres embedded, String jdbcUrl, String user, String password) {
        this.embedded = embedded;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    /** The external database if configured, else a throw-away embedded one on a free port. */
    public static EmbeddedDatabase startForTests() {
        return external().orElseGet(() -> start(EmbeddedPostgres.builder()));
    }

    /**
     * The external database if configured, else an embedded one whose data lives in {@code dataDirectory}
     * and survives restarts.
     */
    public static EmbeddedDatabase startPersistent(Path dataDirectory, int port) {
        return external()
                .orElseGet(() -> start(EmbeddedPostgres.builder()
                        .setDataDirectory(dataDirectory)
                        .setCleanDataDirectory(false)
                        .setPort(port)));
    }

    private static java.util.Optional<EmbeddedDatabase> external() {
        String url = System.getenv("DB_URL");
        if (url == null || url.isBlank()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(
                new EmbeddedDatabase(null, url, envOr("DB_USER", "referrals"), envOr("DB_PASSWORD", "referrals")));
    }

    private static EmbeddedDatabase start(EmbeddedPostgres.Builder builder) {
        try {
            EmbeddedPostgres postgres = builder.setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "off")
                    .start();
            return new EmbeddedDatabase(postgres, postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
        }
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
