package io.referrals.localstack;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.referrals.testing.EmbeddedDatabase;
import io.referrals.testing.EmbeddedDatabase.Durability;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local stack's PostgreSQL (the persistent embedded one, in the mode the run command uses) keeps every
 * acknowledged commit when all its processes are killed at once, and the throw-away test one is a separate path.
 */
class DatabaseDurabilityIT {
    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final int WRITERS = 6;

    @TempDir
    Path dataDir;

    private EmbeddedDatabase database;

    @AfterEach
    void stop() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void thePersistentDatabaseCommitsDurablyAndTheThrowAwayOneIsSeparate() throws Exception {
        database = EmbeddedDatabase.startPersistent(dataDir.resolve("postgres"), freePort());
        try (Connection connection = connect(database)) {
            assertEquals("on", show(connection, "fsync"));
            assertEquals("on", show(connection, "synchronous_commit"));
            assertEquals("on", show(connection, "full_page_writes"));
        }
        try (EmbeddedDatabase throwAway = EmbeddedDatabase.startForTests();
                Connection connection = connect(throwAway)) {
            assertEquals("off", show(connection, "fsync"));
            assertEquals("off", show(connection, "synchronous_commit"));
        }
    }

    @Test
    void everyAcknowledgedWriteSurvivesAKillOfEveryPostgresProcessAtOnce() throws Exception {
        database = EmbeddedDatabase.startPersistent(dataDir.resolve("postgres"), freePort(), Durability.DURABLE);
        try (Connection connection = connect(database);
                Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE acknowledged (id bigint PRIMARY KEY, writer int NOT NULL, payload text)");
        }
        Set<Long> acknowledged = new ConcurrentSkipListSet<>();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            Thread thread = new Thread(() -> write(writer, acknowledged, stop), "writer-" + w);
            thread.start();
            writers.add(thread);
        }
        try {
            // Mid-stream: writes keep being acknowledged while every process is killed.
            await().atMost(DEADLINE).until(() -> acknowledged.size() >= 2000);
            ProcessHandle postmaster = database.postmaster().orElseThrow();
            List<ProcessHandle> processes =
                    new ArrayList<>(postmaster.descendants().toList());
            processes.add(postmaster);
            assertTrue(processes.size() >= 5, "postmaster, its auxiliary processes and the writers' backends");
            database.kill();
            processes.forEach(p -> assertFalse(p.isAlive() && !isZombie(p), "still running: " + p.pid()));
        } finally {
            stop.set(true);
            for (Thread thread : writers) {
                thread.join(DEADLINE.toMillis());
            }
        }
        int acknowledgedBeforeKill = acknowledged.size();

        database.start();

        Set<Long> stored = new HashSet<>();
        try (Connection connection = connect(database);
                Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("SELECT id FROM acknowledged")) {
            while (rows.next()) {
                stored.add(rows.getLong(1));
            }
        }
        Set<Long> lost = new HashSet<>(acknowledged);
        lost.removeAll(stored);
        System.out.printf(
                "Acknowledged before the kill: %d; stored after the restart: %d; lost: %d%n",
                acknowledgedBeforeKill, stored.size(), lost.size());
        assertEquals(Set.of(), lost, "acknowledged writes missing after the kill");
    }

    /** Commits one row at a time; a row counts as acknowledged only once its commit returned. */
    private void write(int writer, Set<Long> acknowledged, AtomicBoolean stop) {
        long next = writer * 1_000_000_000L;
        try (Connection connection = connect(database);
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO acknowledged (id, writer, payload) VALUES (?, ?, ?)")) {
            connection.setAutoCommit(false);
            while (!stop.get()) {
                long id = next++;
                insert.setLong(1, id);
                insert.setInt(2, writer);
                insert.setString(3, "row " + id);
                insert.executeUpdate();
                connection.commit();
                acknowledged.add(id);
            }
        } catch (SQLException e) {
            // The kill: this write and any after it were never acknowledged.
        }
    }

    private static boolean isZombie(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 1).trim().startsWith("Z");
        } catch (IOException | RuntimeException e) {
            return true; // Gone between the two checks.
        }
    }

    static Connection connect(EmbeddedDatabase database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    }

    private static String show(Connection connection, String setting) throws SQLException {
        try (Statement sql = connection.createStatement();
                ResultSet result = sql.executeQuery("SHOW " + setting)) {
            result.next();
            return result.getString(1);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
