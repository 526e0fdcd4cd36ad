package io.referrals.localstack;

import static io.referrals.localstack.DatabaseDurabilityIT.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.referrals.testing.EmbeddedDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --backup} and {@code --restore} on the data directory layout the run command uses: a backup taken while
 * writes go on is consistent, and restoring it into a wiped data directory brings the data back.
 */
class DatabaseBackupIT {
    @TempDir
    Path root;

    @TempDir
    Path elsewhere;

    @Test
    void aBackupOfARunningDatabaseRestoresIntoAWipedDataDirectory() throws Exception {
        Options options = Options.defaults().withDataDir(root).withPortOffset(2000);
        Path pgData = root.resolve("postgres");
        Path backup = elsewhere.resolve("local.tar.gz");
        long committedBeforeBackup;
        long committedDuringBackup;
        try (EmbeddedDatabase database =
                EmbeddedDatabase.startPersistent(pgData, options.ports().postgres())) {
            try (Connection connection = connect(database);
                    Statement sql = connection.createStatement()) {
                sql.execute("CREATE SCHEMA referral");
                sql.execute("CREATE TABLE referral.rows (id bigint PRIMARY KEY, payload text NOT NULL)");
                sql.execute("INSERT INTO referral.rows SELECT g, repeat('x', 200) FROM generate_series(1, 20000) g");
            }
            // A writer keeps committing during the backup: the backup holds a consistent moment, not a torn copy.
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong committed = new AtomicLong(20000);
            Thread writer = new Thread(() -> {
                try (Connection connection = connect(database);
                        PreparedStatement insert =
                                connection.prepareStatement("INSERT INTO referral.rows VALUES (?, 'during')")) {
                    while (!stop.get()) {
                        insert.setLong(1, committed.get() + 1);
                        insert.executeUpdate();
                        committed.incrementAndGet();
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            writer.start();
            try {
                DatabaseBackup.backup(options, backup);
            } finally {
                stop.set(true);
                writer.join();
            }
            committedBeforeBackup = 20000;
            committedDuringBackup = committed.get() - 20000;
            // Written after the backup: not in it.
            try (Connection connection = connect(database);
                    Statement sql = connection.createStatement()) {
                sql.execute("INSERT INTO referral.rows VALUES (-1, 'after the backup')");
            }
        }
        assertTrue(Files.size(backup) > 0);

        // The data directory is wiped...
        DataDirectory.deleteRecursively(pgData);
        assertFalse(Files.exists(pgData));

        // ...and restored.
        DatabaseBackup.restore(options, backup);

        try (EmbeddedDatabase database =
                        EmbeddedDatabase.startPersistent(pgData, options.ports().postgres());
                Connection connection = connect(database);
                Statement sql = connection.createStatement()) {
            try (ResultSet result = sql.executeQuery("SELECT count(*), min(id), max(id) FROM referral.rows")) {
                result.next();
                long count = result.getLong(1);
                long max = result.getLong(3);
                System.out.printf(
                        "Rows restored: %d (20000 before the backup, %d committed by the writer while it ran)%n",
                        count, committedDuringBackup);
                assertTrue(count >= committedBeforeBackup, "rows before the backup: " + count);
                assertEquals(1, result.getLong(2), "the row written after the backup is not in it");
                // Consistent: ids 1..max without a gap, whatever the writer had reached.
                assertEquals(max, count, "a gap in the rows the writer committed in order");
            }
            try (ResultSet result = sql.executeQuery("SHOW fsync")) {
                result.next();
                assertEquals("on", result.getString(1));
            }
        }
    }

    @Test
    void aRestoreRefusesAFileThatIsNoBackupAndLeavesTheDataAlone() throws Exception {
        Options options = Options.defaults().withDataDir(root).withPortOffset(2000);
        Path notABackup = elsewhere.resolve("notes.tar.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(notABackup));
                var tar = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(out)) {
            var entry = new org.apache.commons.compress.archivers.tar.TarArchiveEntry("notes.txt");
            entry.setSize(2);
            tar.putArchiveEntry(entry);
            tar.write("hi".getBytes());
            tar.closeArchiveEntry();
        }
        Files.createDirectories(root.resolve("postgres"));
        Files.writeString(root.resolve("postgres").resolve("PG_VERSION"), "17\n");

        StackStartException refused = org.junit.jupiter.api.Assertions.assertThrows(
                StackStartException.class, () -> DatabaseBackup.restore(options, notABackup));

        assertTrue(refused.getMessage().contains("is not a backup"), refused.getMessage());
        assertEquals("17\n", Files.readString(root.resolve("postgres").resolve("PG_VERSION")));
    }
}
