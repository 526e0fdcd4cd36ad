package io.referrals.localstack;

import io.referrals.testing.EmbeddedDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How to run the local stack: the command-line options, also built directly by tests.
 *
 * @param allInterfaces whether the services and the console gateway listen on every interface
 *     ({@code --all-interfaces}) rather than on 127.0.0.1 only; the gateway's development sign-in answers loopback
 *     peers only either way
 * @param services the services to start; all four unless {@code --services} names a subset (useful while
 *     some services are not built yet)
 * @param fast whether the local PostgreSQL runs with {@code fsync}, {@code synchronous_commit} and
 *     {@code full_page_writes} off ({@code --fast}): quicker, but a crash can lose acknowledged commits
 * @param backup where {@code --backup FILE} writes a backup of the local PostgreSQL instead of starting the stack;
 *     null otherwise
 * @param restore the backup {@code --restore FILE} puts back into the data directory instead of starting the
 *     stack; null otherwise
 * @param environment what the environment says (external PostgreSQL, Kafka or SMTP server, the services' settings
 *     and JVM options), read once by {@link #defaults()}
 */
public record Options(
        boolean demo,
        boolean clean,
        Path dataDir,
        int portOffset,
        Path repoRoot,
        List<String> services,
        Duration readyTimeout,
        boolean help,
        boolean allInterfaces,
        boolean fast,
        Path backup,
        Path restore,
        Environment environment) {

    static final String USAGE = """
            Usage: ./run.sh [options]     (or: java -jar deploy/local-stack/target/local-stack.jar [options])

              --demo               load demo partners and referrals (tenant demo-practice) once ready
              --clean              delete the data directory first (all local data is lost)
              --data-dir DIR       where PostgreSQL, Kafka, logs and the dev token live (default .local-stack)
              --port-offset N      add N to every port, to run a second stack beside the first (default 0)
              --repo-root DIR      where the service modules are built (default: current directory)
              --services A,B       start only these services (default: all four)
              --ready-timeout S    seconds to wait for the platform to become ready (default 180)
              --all-interfaces     let the services and the console gateway listen on every network interface,
                                   not only 127.0.0.1: anyone who reaches this machine can then call the APIs
                                   with a token, and the unauthenticated ones (intake, unsubscribe) without; the
                                   development sign-in (POST /dev/token) still answers this machine only
              --fast               run PostgreSQL with fsync, synchronous_commit and full_page_writes off: faster,
                                   but a crash of PostgreSQL or of the machine can lose acknowledged data
              --backup FILE        write a consistent backup of the local PostgreSQL (running or not) to FILE
                                   (a .tar.gz) and exit; does not start the stack
              --restore FILE       replace the local PostgreSQL data with the backup in FILE and empty the local
                                   broker's log, then exit; the stack must be stopped
              --help               show this help

            Environment: DB_URL (+ DB_USER, DB_PASSWORD) uses an external PostgreSQL instead of the embedded one;
            KAFKA_BOOTSTRAP_SERVERS uses an external Kafka instead of the local broker.""";

    public Options {
        dataDir = dataDir.toAbsolutePath().normalize();
        repoRoot = repoRoot.toAbsolutePath().normalize();
        backup = backup == null ? null : backup.toAbsolutePath().normalize();
        restore = restore == null ? null : restore.toAbsolutePath().normalize();
        Objects.requireNonNull(environment, "environment");
        services = List.copyOf(services);
        if (portOffset < 0 || Ports.highestBasePort() + portOffset > 65535) {
            throw new IllegalArgumentException("--port-offset must keep every port between 1 and 65535: " + portOffset);
        }
        for (String service : services) {
            ServiceDefinition.named(service);
        }
        if (services.isEmpty()) {
            throw new IllegalArgumentException("--services needs at least one service");
        }
        if (backup != null && restore != null) {
            throw new IllegalArgumentException("--backup and --restore do not go together");
        }
        if (restore != null && clean) {
            throw new IllegalArgumentException("--restore replaces the database already; --clean does not go with it");
        }
    }

    /**
     * The command line's defaults (data in {@code .local-stack}, services found under the current directory) and
     * this process's environment variables, read here once.
     */
    public static Options defaults() {
        return new Options(
                false,
                false,
                Path.of(".local-stack"),
                0,
                Path.of(""),
                ServiceDefinition.allNames(),
                Duration.ofSeconds(180),
                false,
                false,
                false,
                null,
                null,
                Environment.read());
    }

    public Options withDemo(boolean value) {
        return with(o -> o.demo = value);
    }

    public Options withClean(boolean value) {
        return with(o -> o.clean = value);
    }

    public Options withDataDir(Path value) {
        return with(o -> o.dataDir = value);
    }

    public Options withPortOffset(int value) {
        return with(o -> o.portOffset = value);
    }

    public Options withRepoRoot(Path value) {
        return with(o -> o.repoRoot = value);
    }

    public Options withServices(List<String> value) {
        return with(o -> o.services = value);
    }

    public Options withReadyTimeout(Duration value) {
        return with(o -> o.readyTimeout = value);
    }

    public Options withAllInterfaces(boolean value) {
        return with(o -> o.allInterfaces = value);
    }

    public Options withFast(boolean value) {
        return with(o -> o.fast = value);
    }

    public Options withBackup(Path value) {
        return with(o -> o.backup = value);
    }

    public Options withRestore(Path value) {
        return with(o -> o.restore = value);
    }

    /** The same options with {@code environment} in place of this process's (a test's or an embedding program's). */
    public Options withEnvironment(Environment value) {
        return with(o -> o.environment = value);
    }

    private Options withHelp(boolean value) {
        return with(o -> o.help = value);
    }

    /** A copy with one change, checked by the constructor like any other. */
    private Options with(Consumer<Draft> change) {
        Draft draft = new Draft(this);
        change.accept(draft);
        return draft.options();
    }

    /** The components of an {@link Options} while a {@code with...} method changes one. */
    private static final class Draft {
        boolean demo;
        boolean clean;
        Path dataDir;
        int portOffset;
        Path repoRoot;
        List<String> services;
        Duration readyTimeout;
        boolean help;
        boolean allInterfaces;
        boolean fast;
        Path backup;
        Path restore;
        Environment environment;

        Draft(Options options) {
            demo = options.demo;
            clean = options.clean;
            dataDir = options.dataDir;
            portOffset = options.portOffset;
            repoRoot = options.repoRoot;
            services = options.services;
            readyTimeout = options.readyTimeout;
            help = options.help;
            allInterfaces = options.allInterfaces;
            fast = options.fast;
            backup = options.backup;
            restore = options.restore;
            environment = options.environment;
        }

        Options options() {
            return new Options(
                    demo,
                    clean,
                    dataDir,
                    portOffset,
                    repoRoot,
                    services,
                    readyTimeout,
                    help,
                    allInterfaces,
                    fast,
                    backup,
                    restore,
                    environment);
        }
    }

    /** What the local PostgreSQL promises: durable commits unless {@code --fast}. */
    public EmbeddedDatabase.Durability durability() {
        return fast ? EmbeddedDatabase.Durability.FAST_UNSAFE : EmbeddedDatabase.Durability.DURABLE;
    }

    /** Where the services listen: this machine only (127.0.0.1) unless {@code --all-interfaces}. */
    public String bindAddress() {
        return allInterfaces ? "0.0.0.0" : "127.0.0.1";
    }

    public Ports ports() {
        return new Ports(portOffset);
    }

    /** Parses {@code --name value} and {@code --name=value} forms; throws on anything unknown. */
    public static Options parse(String... args) {
        Options options = defaults();
        List<String> queue = new ArrayList<>(Arrays.asList(args));
        while (!queue.isEmpty()) {
            String arg = queue.remove(0);
            String value = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                value = arg.substring(equals + 1);
                arg = arg.substring(0, equals);
            }
            switch (arg) {
                case "--demo" -> options = options.withDemo(true);
                case "--clean" -> options = options.withClean(true);
                case "--all-interfaces" -> options = options.withAllInterfaces(true);
                case "--fast" -> options = options.withFast(true);
                case "--backup" -> options = options.withBackup(Path.of(valueOf(arg, value, queue)));
                case "--restore" -> options = options.withRestore(Path.of(valueOf(arg, value, queue)));
                case "--help", "-h" -> options = options.withHelp(true);
                case "--data-dir" -> options = options.withDataDir(Path.of(valueOf(arg, value, queue)));
                case "--repo-root" -> options = options.withRepoRoot(Path.of(valueOf(arg, value, queue)));
                case "--port-offset" -> options = options.withPortOffset(intValueOf(arg, value, queue));
                case "--ready-timeout" ->
                    options = options.withReadyTimeout(Duration.ofSeconds(intValueOf(arg, value, queue)));
                case "--services" ->
                    options = options.withServices(
                            Arrays.stream(valueOf(arg, value, queue).split(","))
                                    .map(String::trim)
                                    .filter(s -> !s.isEmpty())
                                    .toList());
                default -> throw new IllegalArgumentException("Unknown option: " + arg);
            }
        }
        return options;
    }

    private static String valueOf(String name, String inline, List<String> queue) {
        if (inline != null) {
            return inline;
        }
        if (queue.isEmpty() || queue.get(0).startsWith("--")) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return queue.remove(0);
    }

    private static int intValueOf(String name, String inline, List<String> queue) {
        String value = valueOf(name, inline, queue);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a whole number, not " + value);
        }
    }
}
