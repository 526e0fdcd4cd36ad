package io.referrals.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A throw-away embedded PostgreSQL that a test can stop and start again on the same port and data directory, as an
 * outage would: the services keep their JDBC URL and find their data back. Separate from {@link EmbeddedDatabase}
 * (whose server lives as long as the JVM) so that stopping it never takes another test class's database away. Fast
 * settings ({@code fsync=off}), like every throw-away test database.
 */
public final class RestartableDatabase {
    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres server;

    private RestartableDatabase(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    /** A new server on a free port with its data in a new temporary directory. */
    public static RestartableDatabase start() {
        try {
            RestartableDatabase database =
                    new RestartableDatabase(Files.createTempDirectory("restartable-pg-"), freePort());
            database.startServer();
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the server (fast shutdown: sessions are cut, as in a crash of the connection's peer). */
    public synchronized void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Embedded PostgreSQL did not stop", e);
            } finally {
                server = null;
            }
        }
    }

    /** Starts it again on the same port and data directory. */
    public synchronized void startAgain() {
        if (server == null) {
            startServer();
        }
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
    }

    public String user() {
        return "postgres";
    }

    public String password() {
        return "postgres";
    }

    private void startServer() {
        try {
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "off")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
