package io.referrals.localstack;

import static io.referrals.localstack.DatabaseDurabilityIT.connect;
import static io.referrals.localstack.DatabaseDurabilityIT.freePort;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.referrals.testing.EmbeddedDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run command's watch over its PostgreSQL: a killed database comes back by itself, a held one stays down. */
class DatabaseWatchIT {
    private static final Duration DEADLINE = Duration.ofSeconds(120);

    @TempDir
    Path dataDir;

    @Test
    void aKilledDatabaseIsStartedAgainOnTheSameDataAndAStoppedOneStaysDownUntilReleased() throws Exception {
        List<String> said = new CopyOnWriteArrayList<>();
        try (EmbeddedDatabase database = EmbeddedDatabase.startPersistent(dataDir.resolve("postgres"), freePort());
                DatabaseWatch watch = new DatabaseWatch(database, said::add)) {
            try (Connection connection = connect(database);
                    Statement sql = connection.createStatement()) {
                sql.execute("CREATE TABLE kept (id int PRIMARY KEY)");
                sql.execute("INSERT INTO kept SELECT generate_series(1, 500)");
            }
            watch.start();
            long pidBefore = database.postmaster().orElseThrow().pid();

            database.kill();

            await().atMost(DEADLINE).until(() -> watch.restarts() == 1 && answers(database));
            assertTrue(database.postmaster().orElseThrow().pid() != pidBefore, "a new postmaster");
            assertEquals(500, count(database));
            assertTrue(said.stream().anyMatch(line -> line.contains("is gone")), said.toString());
            assertTrue(said.stream().anyMatch(line -> line.contains("is back")), said.toString());

            // A deliberate stop: the watch looks several times and leaves it down.
            watch.hold();
            database.stop();
            long roundsAtStop = watch.rounds();
            await().atMost(DEADLINE).until(() -> watch.rounds() >= roundsAtStop + 3);
            assertFalse(database.isAlive());
            assertEquals(1, watch.restarts());

            // Released while down: the watch brings it back.
            watch.release();
            await().atMost(DEADLINE).until(() -> watch.restarts() == 2 && answers(database));
            assertEquals(500, count(database));
        }
    }

    private static boolean answers(EmbeddedDatabase database) {
        try (Connection connection = connect(database)) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private static int count(EmbeddedDatabase database) throws SQLException {
        try (Connection connection = connect(database);
                Statement sql = connection.createStatement();
                ResultSet result = sql.executeQuery("SELECT count(*) FROM kept")) {
            result.next();
            return result.getInt(1);
        }
    }
}
