package io.referrals.localstack;

import io.referrals.testing.EmbeddedDatabase;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * {@code --backup FILE} and {@code --restore FILE}: a physical backup of the local PostgreSQL as a {@code .tar.gz}
 * of its data directory, and putting one back.
 *
 * <p>The embedded binaries are {@code initdb}, {@code pg_ctl} and {@code postgres} only (no {@code pg_dump}, no
 * {@code pg_basebackup}), so the backup does what {@code pg_basebackup} does, through PostgreSQL's low-level backup
 * API on one connection: a temporary physical replication slot keeps every WAL segment from now on;
 * {@code pg_backup_start} checkpoints; the data files are copied while the server keeps running (pages may change
 * under the copy, which is why the WAL is kept); {@code pg_backup_stop} writes the backup-end record, switches the
 * WAL segment and returns the {@code backup_label}; the WAL from the backup's start to its end is copied last. A
 * restored copy therefore starts with crash recovery from the label's checkpoint and replays that WAL up to at
 * least the backup's end: one consistent moment of every schema in the cluster, running or not when taken.
 */
final class DatabaseBackup {
    /** Left out of the copy, as pg_basebackup does: runtime state the server rebuilds, or writes below. */
    private static final Set<String> SKIPPED_FILES =
            Set.of("postmaster.pid", "postmaster.opts", "backup_label", "tablespace_map", "epg-lock");
    /** Copied as empty directories: their contents are temporary (or, for pg_wal, copied after the stop). */
    private static final Set<String> EMPTIED_DIRECTORIES = Set.of(
            "pg_wal",
            "pg_stat_tmp",
            "pg_replslot",
            "pg_dynshmem",
            "pg_notify",
            "pg_serial",
            "pg_snapshots",
            "pg_subtrans");

    private DatabaseBackup() {}

    /**
     * Writes a backup of the data directory's PostgreSQL to {@code target}: of the running stack's server if one
     * runs, else of a server started on the data directory for the purpose and stopped again.
     */
    static void backup(Options options, Path target) {
        requireEmbedded(options, "--backup");
        DataDirectory dataDir = new DataDirectory(options.dataDir());
        Path pgData = dataDir.postgres();
        boolean ownLock = dataDir.tryOpen();
        try {
            if (!Files.exists(pgData.resolve("PG_VERSION"))) {
                throw new StackStartException("No PostgreSQL data in " + pgData + " to back up");
            }
            Optional<Integer> runningPort = EmbeddedDatabase.runningPort(pgData);
            if (runningPort.isPresent()) {
                say("Backing up the running PostgreSQL on port " + runningPort.get() + " (data in " + pgData + ")");
                write(pgData, runningPort.get(), target);
            } else if (!ownLock) {
                throw new StackStartException("A local stack holds " + dataDir.root()
                        + " but its PostgreSQL is not running (it may be restarting); try again in a moment");
            } else {
                int port = options.ports().postgres();
                Ports.requireFree(port, "PostgreSQL");
                say("Starting PostgreSQL on port " + port + " to back up " + pgData);
                try (EmbeddedDatabase database =
                        EmbeddedDatabase.startPersistentEmbedded(pgData, port, EmbeddedDatabase.Durability.DURABLE)) {
                    write(pgData, port, target);
                }
            }
            say("Backup written to " + target + " (" + Files.size(target) / 1024 + " KiB). Restore it with: ./run.sh "
                    + "--restore " + target);
        } catch (IOException e) {
            throw new UncheckedIOException("Backup failed", e);
        } finally {
            if (ownLock) {
                dataDir.close();
            }
        }
    }

    private static void write(Path pgData, int port, Path target) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path partial = Files.createTempFile(parent, target.getFileName().toString(), ".partial");
        try (Connection connection = DriverManager.getConnection(
                        "jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "postgres");
                Statement sql = connection.createStatement();
                OutputStream file = new BufferedOutputStream(Files.newOutputStream(partial));
                GZIPOutputStream gzip = new GZIPOutputStream(file, 64 * 1024);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            // A temporary slot (gone with this session) holds every WAL segment from here on, so no checkpoint
            // recycles one the backup needs before it is copied.
            sql.execute("SELECT pg_create_physical_replication_slot('local_stack_backup_' || pg_backend_pid(), true,"
                    + " true)");
            String startWal = single(sql, "SELECT pg_walfile_name(pg_backup_start('local-stack backup', true))");
            copyTree(pgData, pgData, tar);
            String label;
            String tablespaceMap;
            String stopWal;
            try (ResultSet stop =
                    sql.executeQuery("SELECT labelfile, spcmapfile, pg_walfile_name(lsn) FROM pg_backup_stop(false)")) {
                stop.next();
                label = stop.getString(1);
                tablespaceMap = stop.getString(2);
                stopWal = stop.getString(3);
            }
            addText(tar, "backup_label", label);
            if (tablespaceMap != null && !tablespaceMap.isEmpty()) {
                addText(tar, "tablespace_map", tablespaceMap);
            }
            copyWal(pgData.resolve("pg_wal"), startWal, stopWal, tar);
            tar.finish();
        } catch (SQLException e) {
            Files.deleteIfExists(partial);
            throw new StackStartException("Backup failed: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String single(Statement sql, String query) throws SQLException {
        try (ResultSet result = sql.executeQuery(query)) {
            result.next();
            return result.getString(1);
        }
    }

    private static void copyTree(Path pgData, Path directory, TarArchiveOutputStream tar) throws IOException {
        List<Path> children;
        try (Stream<Path> list = Files.list(directory)) {
            children = list.sorted().toList();
        } catch (NoSuchFileException e) {
            return; // Dropped while we copy; the WAL replays the drop.
        }
        for (Path child : children) {
            String name = pgData.relativize(child).toString();
            String file = child.getFileName().toString();
            if (Files.isDirectory(child, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                addDirectory(tar, name);
                if (!EMPTIED_DIRECTORIES.contains(name) && !file.startsWith("pgsql_tmp")) {
                    copyTree(pgData, child, tar);
                }
            } else if (Files.isRegularFile(child, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    && !(directory.equals(pgData) && SKIPPED_FILES.contains(file))
                    && !file.equals("pg_internal.init")
                    && !file.startsWith("pgsql_tmp")) {
                addFile(tar, name, child);
            }
        }
    }

    /** Segments from the backup's first to its last, plus timeline history files. */
    private static void copyWal(Path walDirectory, String startWal, String stopWal, TarArchiveOutputStream tar)
            throws IOException {
        addDirectory(tar, "pg_wal/archive_status");
        List<Path> files;
        try (Stream<Path> list = Files.list(walDirectory)) {
            files = list.sorted().toList();
        }
        for (Path wal : files) {
            String name = wal.getFileName().toString();
            boolean segment = name.matches("[0-9A-F]{24}")
                    && name.substring(8).compareTo(startWal.substring(8)) >= 0
                    && name.substring(8).compareTo(stopWal.substring(8)) <= 0;
            if (segment || name.endsWith(".history")) {
                addFile(tar, "pg_wal/" + name, wal);
            }
        }
    }

    private static void addDirectory(TarArchiveOutputStream tar, String name) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name + "/");
        entry.setMode(040700);
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
    }

    private static void addText(TarArchiveOutputStream tar, String name, String text) throws IOException {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(bytes.length);
        entry.setMode(0100600);
        tar.putArchiveEntry(entry);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }

    /**
     * A file as it is now: a file that grows while copied is cut at the size seen first, one that shrinks is padded
     * with zeros (as pg_basebackup does); the WAL replay rewrites whatever changed under the copy.
     */
    private static void addFile(TarArchiveOutputStream tar, String name, Path path) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            return; // Removed while we copy (a dropped table, a finished temporary file): the WAL replays that.
        }
        try (channel) {
            long size = channel.size();
            TarArchiveEntry entry = new TarArchiveEntry(name);
            entry.setSize(size);
            entry.setMode(0100600);
            tar.putArchiveEntry(entry);
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            long copied = 0;
            while (copied < size) {
                buffer.clear();
                buffer.limit((int) Math.min(buffer.capacity(), size - copied));
                int read = channel.read(buffer, copied);
                if (read < 0) {
                    break;
                }
                tar.write(buffer.array(), 0, read);
                copied += read;
            }
            byte[] zeros = new byte[64 * 1024];
            while (copied < size) {
                int n = (int) Math.min(zeros.length, size - copied);
                tar.write(zeros, 0, n);
                copied += n;
            }
            tar.closeArchiveEntry();
        }
    }

    /**
     * Replaces the data directory's PostgreSQL data with the backup in {@code source} and empties the local
     * broker's log (its events and consumer offsets belong to a later moment than the restored data), then starts
     * PostgreSQL once to replay the backup's WAL and stops it. The stack must not be running.
     */
    static void restore(Options options, Path source) {
        requireEmbedded(options, "--restore");
        if (!Files.isRegularFile(source)) {
            throw new StackStartException("No backup at " + source);
        }
        DataDirectory dataDir = new DataDirectory(options.dataDir());
        if (!dataDir.tryOpen()) {
            throw new StackStartException(
                    "A local stack is running on " + dataDir.root() + "; stop it (Ctrl-C) " + "before --restore");
        }
        try {
            ChildProcesses.stopLeftovers(dataDir.root());
            int port = options.ports().postgres();
            Ports.requireFree(port, "PostgreSQL");
            Path staging = dataDir.root().resolve("postgres.restoring");
            DataDirectory.deleteRecursively(staging);
            try {
                extract(source, staging);
            } catch (IOException e) {
                DataDirectory.deleteRecursively(staging);
                throw new StackStartException(source + " is not a backup made by ./run.sh --backup (" + e.getMessage()
                        + "); nothing changed");
            }
            if (!Files.exists(staging.resolve("PG_VERSION")) || !Files.exists(staging.resolve("backup_label"))) {
                DataDirectory.deleteRecursively(staging);
                throw new StackStartException(source + " is not a backup made by ./run.sh --backup");
            }
            for (String directory : EMPTIED_DIRECTORIES) {
                Files.createDirectories(staging.resolve(directory));
            }
            Files.createDirectories(staging.resolve("pg_wal/archive_status"));
            // PostgreSQL refuses a data directory others can read.
            Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwx------"));
            DataDirectory.deleteRecursively(dataDir.postgres());
            Files.move(staging, dataDir.postgres(), StandardCopyOption.ATOMIC_MOVE);
            DataDirectory.deleteRecursively(dataDir.kafka());
            say("Restored " + source + " into " + dataDir.postgres() + "; replaying its WAL");
            try (EmbeddedDatabase database = EmbeddedDatabase.startPersistentEmbedded(
                    dataDir.postgres(), port, EmbeddedDatabase.Durability.DURABLE)) {
                try (Connection connection =
                                DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
                        Statement sql = connection.createStatement()) {
                    sql.execute("CHECKPOINT");
                }
            }
            say("PostgreSQL data restored from " + source + "; the local broker starts empty. Start with: ./run.sh");
        } catch (IOException e) {
            throw new UncheckedIOException("Restore failed", e);
        } catch (SQLException e) {
            throw new StackStartException("The restored PostgreSQL did not answer: " + e.getMessage(), e);
        } finally {
            dataDir.close();
        }
    }

    private static void extract(Path source, Path staging) throws IOException {
        Files.createDirectories(staging);
        try (InputStream file = new BufferedInputStream(Files.newInputStream(source));
                GZIPInputStream gzip = new GZIPInputStream(file, 64 * 1024);
                TarArchiveInputStream tar = new TarArchiveInputStream(gzip)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path target = staging.resolve(entry.getName()).normalize();
                if (!target.startsWith(staging)) {
                    throw new StackStartException(
                            source + " holds a path outside the data directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwx------"));
                } else if (entry.isFile()) {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
                }
            }
        }
    }

    private static void requireEmbedded(Options options, String option) {
        if (options.environment().externalDatabase().isPresent()) {
            throw new StackStartException(option + " covers the embedded PostgreSQL of the data directory only; DB_URL "
                    + "names an external one: use its own backup tools");
        }
    }

    private static void say(String line) {
        System.out.println(line);
    }
}
