package io.referrals.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server for tests and the local stack: the one named by {@code DB_URL} (with
 * {@code DB_USER} and {@code DB_PASSWORD}) when set, otherwise an embedded PostgreSQL 17 started from
 * Maven Central binaries, no Docker needed.
 *
 * <p>Two separate paths, named for what they promise:
 *
 * <ul>
 *   <li>{@link #startForTests()}: a throw-away server for one test run, with {@link Durability#FAST_UNSAFE}
 *       settings. Its data is deleted when it stops, so a crash losing the last commits costs nothing.
 *   <li>{@link #startPersistent(Path, int)}: the local stack's server, whose data lives on in a data directory,
 *       with {@link Durability#DURABLE} settings (PostgreSQL's own defaults): a commit that returned is on disk and
 *       survives a kill of every PostgreSQL process or a machine crash. The outbox relies on that: it publishes
 *       a row only once its commit returned, so a commit lost afterwards would leave an event downstream for a row
 *       that no longer exists.
 * </ul>
 */
public final class EmbeddedDatabase implements AutoCloseable {
    /** How long a start may take, crash recovery of a killed server included. */
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(120);

    /** What a commit promises. */
    public enum Durability {
        /**
         * PostgreSQL's defaults: {@code fsync=on}, {@code synchronous_commit=on}, {@code full_page_writes=on}. A
         * commit returns once its WAL is flushed to disk.
         */
        DURABLE(Map.of("fsync", "on", "synchronous_commit", "on", "full_page_writes", "on")),
        /**
         * Nothing is flushed to disk ({@code fsync=off}), commits return before their WAL is written
         * ({@code synchronous_commit=off}) and torn pages are not guarded against ({@code full_page_writes=off}):
         * a crash of PostgreSQL or of the machine can lose acknowledged commits, or corrupt the data directory.
         * Only for data that may be lost.
         */
        FAST_UNSAFE(Map.of("fsync", "off", "synchronous_commit", "off", "full_page_writes", "off"));

        private final Map<String, String> settings;

        Durability(Map<String, String> settings) {
            this.settings = settings;
        }

        /** The server settings, set explicitly on the command line (zonky's builder would add its own otherwise). */
        public Map<String, String> settings() {
            return settings;
        }
    }

    private final String jdbcUrl;
    private final String user;
    private final String password;
    // Set for an embedded server whose data directory outlives it (the local stack's), so it can be started again.
    private final Path dataDirectory;
    private final int port;
    private final Durability durability;
    // Null for an external database, and while a persistent embedded one is stopped or killed.
    private volatile EmbeddedPostgres embedded;
    private final boolean isEmbedded;

    private EmbeddedDatabase(
            EmbeddedPostgres embedded,
            String jdbcUrl,
            String user,
            String password,
            Path dataDirectory,
            int port,
            Durability durability) {
        this.embedded = embedded;
        this.isEmbedded = embedded != null;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.durability = durability;
    }

    /**
     * The external database if configured, else a throw-away embedded one on a free port with {@link
     * Durability#FAST_UNSAFE} settings: its data is deleted when it stops anyway.
     */
    public static EmbeddedDatabase startForTests() {
        return externalFromEnvironment().orElseGet(() -> {
            EmbeddedPostgres postgres = startEmbedded(builder(Durability.FAST_UNSAFE));
            return new EmbeddedDatabase(
                    postgres,
                    postgres.getJdbcUrl("postgres", "postgres"),
                    "postgres",
                    "postgres",
                    null,
                    postgres.getPort(),
                    Durability.FAST_UNSAFE);
        });
    }

    /**
     * The external database if configured, else an embedded one whose data lives in {@code dataDirectory} and
     * survives restarts, crashes and kills: {@link Durability#DURABLE}.
     */
    public static EmbeddedDatabase startPersistent(Path dataDirectory, int port) {
        return startPersistent(dataDirectory, port, Durability.DURABLE);
    }

    /**
     * As {@link #startPersistent(Path, int)}, with the durability asked for; {@link Durability#FAST_UNSAFE} only on
     * an explicit opt-in of whoever owns the data (the local stack's {@code --fast}).
     */
    public static EmbeddedDatabase startPersistent(Path dataDirectory, int port, Durability durability) {
        return externalFromEnvironment().orElseGet(() -> startPersistentEmbedded(dataDirectory, port, durability));
    }

    /**
     * As {@link #startPersistent(Path, int, Durability)}, but always the embedded server, whatever {@code DB_URL}
     * says: for a caller that reads its configuration once itself (the local stack).
     */
    public static EmbeddedDatabase startPersistentEmbedded(Path dataDirectory, int port, Durability durability) {
        EmbeddedPostgres postgres = startEmbedded(persistentBuilder(dataDirectory, port, durability));
        return new EmbeddedDatabase(
                postgres,
                postgres.getJdbcUrl("postgres", "postgres"),
                "postgres",
                "postgres",
                dataDirectory,
                port,
                durability);
    }

    /** The PostgreSQL at {@code jdbcUrl}, run by someone else: nothing is started, stopped or watched. */
    public static EmbeddedDatabase external(String jdbcUrl, String user, String password) {
        return new EmbeddedDatabase(null, jdbcUrl, user, password, null, 0, null);
    }

    private static EmbeddedPostgres.Builder builder(Durability durability) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "300")
                // As the Kubernetes package's cluster: no DETAIL lines in the server's log, which quote the values a
                // unique index or constraint compared (an email address).
                .setServerConfig("log_error_verbosity", "terse")
                .setPGStartupWait(STARTUP_WAIT);
        durability.settings().forEach(builder::setServerConfig);
        return builder;
    }

    private static EmbeddedPostgres.Builder persistentBuilder(Path dataDirectory, int port, Durability durability) {
        return builder(durability)
                // TCP only, no Unix socket: the socket's lock file in /tmp names the postmaster's pid, and after a
                // kill that pid can linger as an unreaped zombie (the postmaster is orphaned by pg_ctl), which would
                // make PostgreSQL refuse to start again on the same port.
                .setServerConfig("unix_socket_directories", "")
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port);
    }

    private static Optional<EmbeddedDatabase> externalFromEnvironment() {
        String url = System.getenv("DB_URL");
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(external(url, envOr("DB_USER", "referrals"), envOr("DB_PASSWORD", "referrals")));
    }

    private static EmbeddedPostgres startEmbedded(EmbeddedPostgres.Builder builder) {
        try {
            return builder.start();
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
        return isEmbedded;
    }

    /** The durability its embedded server runs with; empty for an external database (its owner decides). */
    public Optional<Durability> durability() {
        return Optional.ofNullable(durability);
    }

    /** The data directory of a persistent embedded server; empty otherwise. */
    public Optional<Path> dataDirectory() {
        return Optional.ofNullable(dataDirectory);
    }

    /** The port of an embedded server (the same across restarts); 0 for an external one. */
    public int port() {
        return port;
    }

    /**
     * The running postmaster, read from {@code postmaster.pid} in the data directory; empty when none runs (never
     * started, stopped, killed) or for an external database.
     */
    public Optional<ProcessHandle> postmaster() {
        return dataDirectory == null ? Optional.empty() : runningPostmaster(dataDirectory);
    }

    /** The postmaster running on {@code dataDirectory} (from its {@code postmaster.pid}), if one does. */
    public static Optional<ProcessHandle> runningPostmaster(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.size() < 2) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(0).trim());
            // After a kill the file stays behind; the pid may since belong to another process.
            return ProcessHandle.of(pid)
                    .filter(EmbeddedDatabase::isRunning)
                    .filter(p -> p.info().command().orElse("").endsWith("postgres"));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The port of the postmaster running on {@code dataDirectory} (line 4 of its {@code postmaster.pid}). */
    public static Optional<Integer> runningPort(Path dataDirectory) {
        if (runningPostmaster(dataDirectory).isEmpty()) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
            return lines.size() < 4
                    ? Optional.empty()
                    : Optional.of(Integer.parseInt(lines.get(3).trim()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether the persistent embedded server's postmaster runs (false for throw-away and external ones). */
    public boolean isAlive() {
        return postmaster().isPresent();
    }

    /**
     * Kills every process of the persistent embedded server at once with SIGKILL, the postmaster and all its
     * children (frozen with SIGSTOP first, then killed by one {@code kill} call), the way an OOM kill of the whole
     * cgroup or a lost container would, and waits until they are gone.
     * Nothing is shut down cleanly: the next {@link #start()} runs crash recovery from the WAL.
     */
    public synchronized void kill() {
        requirePersistent();
        Optional<ProcessHandle> postmaster = postmaster();
        if (postmaster.isPresent()) {
            ProcessHandle main = postmaster.get();
            // Frozen first (SIGSTOP), so it forks no new backend between the listing and the kill. Each child runs
            // in a session of its own (PostgreSQL detaches them), so no process group holds them all: they are
            // listed here, while the postmaster is still their parent, and killed together by one kill(1) call.
            signal("STOP", List.of(main));
            List<ProcessHandle> all = new ArrayList<>();
            all.add(main);
            all.addAll(main.descendants().toList());
            signal("KILL", all);
            // Should there be no kill command: the same, one by one from here.
            all.forEach(ProcessHandle::destroyForcibly);
            for (ProcessHandle process : all) {
                awaitExit(process, Duration.ofSeconds(20));
            }
        }
        forgetServer();
    }

    /**
     * Stops the persistent embedded server cleanly ({@code pg_ctl stop -m fast}); {@link #start()} starts it
     * again on the same data directory and port.
     */
    public synchronized void stop() {
        requirePersistent();
        if (!isAlive()) {
            forgetServer();
            return;
        }
        EmbeddedPostgres server = embedded;
        embedded = null;
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Starts the persistent embedded server again on the same data directory, port and settings, after a
     * {@link #stop()}, a {@link #kill()} or a death from outside; a no-op if it runs. Returns once it accepts
     * connections (after crash recovery, if it needed one).
     */
    public synchronized void start() {
        requirePersistent();
        if (embedded != null && isAlive()) {
            return;
        }
        forgetServer();
        embedded = startEmbedded(persistentBuilder(dataDirectory, port, durability));
    }

    /** Releases what is left of a server that died without a clean stop, so a new one can take the directory. */
    private void forgetServer() {
        EmbeddedPostgres server = embedded;
        embedded = null;
        if (!isAlive()) {
            // A stale pid file's pid may belong to another process by now; pg_ctl stop would signal it.
            try {
                Files.deleteIfExists(dataDirectory.resolve("postmaster.pid"));
            } catch (IOException e) {
                // PostgreSQL itself checks a stale pid file on start.
            }
        }
        if (server != null) {
            try {
                // pg_ctl stop fails on a dead server (zonky logs it); this releases zonky's lock on the directory.
                server.close();
            } catch (IOException | RuntimeException e) {
                // Nothing runs any more; the lock is released regardless.
            }
        }
    }

    private void requirePersistent() {
        if (dataDirectory == null) {
            throw new IllegalStateException("Only a persistent embedded database can be stopped, killed or started");
        }
    }

    private static boolean isRunning(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        // A killed process nobody has reaped yet (a zombie) still answers isAlive().
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            String afterName = stat.substring(stat.lastIndexOf(')') + 1).trim();
            return !afterName.startsWith("Z") && !afterName.startsWith("X");
        } catch (IOException | RuntimeException e) {
            return true; // No /proc: trust isAlive().
        }
    }

    private static void signal(String signal, List<ProcessHandle> processes) {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal, "--"));
        processes.forEach(p -> command.add(Long.toString(p.pid())));
        try {
            Process kill = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            kill.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            // No kill command: the caller's per-process kills do it.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitExit(ProcessHandle process, Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        while (isRunning(process) && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (isRunning(process)) {
            throw new IllegalStateException("PostgreSQL process " + process.pid() + " survived SIGKILL");
        }
    }

    @Override
    public void close() {
        EmbeddedPostgres server = embedded;
        embedded = null;
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The settings a durability level puts on the server, for messages. */
    public static String describe(Durability durability) {
        Map<String, String> sorted = new LinkedHashMap<>();
        List.of("fsync", "synchronous_commit", "full_page_writes")
                .forEach(k -> sorted.put(k, durability.settings().get(k)));
        return sorted.toString();
    }

    static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
