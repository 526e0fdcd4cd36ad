package io.referrals.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How to run the local stack: the command-line options, also built directly by tests.
 *
 * @param allInterfaces whether the services listen on every interface ({@code --all-interfaces}) rather than on
 *     127.0.0.1 only
 * @param services the services to start; all four unless {@code --services} names a subset (useful while
 *     some services are not built yet)
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
        boolean allInterfaces) {

    static final String USAGE = """
            Usage: ./run.sh [options]     (or: java -jar deploy/local-stack/target/local-stack.jar [options])

              --demo               load demo partners and referrals (tenant demo-practice) once ready
              --clean              delete the data directory first (all local data is lost)
              --data-dir DIR       where PostgreSQL, Kafka, logs and the dev token live (default .local-stack)
              --port-offset N      add N to every port, to run a second stack beside the first (default 0)
              --repo-root DIR      where the service modules are built (default: current directory)
              --services A,B       start only these services (default: all four)
              --ready-timeout S    seconds to wait for the platform to become ready (default 180)
              --all-interfaces     let the services listen on every network interface, not only 127.0.0.1:
                                   anyone who reaches this machine can then call them (tokens are still needed)
              --help               show this help

            Environment: DB_URL (+ DB_USER, DB_PASSWORD) uses an external PostgreSQL instead of the embedded one;
            KAFKA_BOOTSTRAP_SERVERS uses an external Kafka instead of the local broker.""";

    public Options {
        dataDir = dataDir.toAbsolutePath().normalize();
        repoRoot = repoRoot.toAbsolutePath().normalize();
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
    }

    /** Defaults: data in {@code .local-stack} and services found under the current directory. */
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
                false);
    }

    public Options withDemo(boolean value) {
        return new Options(value, clean, dataDir, portOffset, repoRoot, services, readyTimeout, help, allInterfaces);
    }

    public Options withClean(boolean value) {
        return new Options(demo, value, dataDir, portOffset, repoRoot, services, readyTimeout, help, allInterfaces);
    }

    public Options withDataDir(Path value) {
        return new Options(demo, clean, value, portOffset, repoRoot, services, readyTimeout, help, allInterfaces);
    }

    public Options withPortOffset(int value) {
        return new Options(demo, clean, dataDir, value, repoRoot, services, readyTimeout, help, allInterfaces);
    }

    public Options withRepoRoot(Path value) {
        return new Options(demo, clean, dataDir, portOffset, value, services, readyTimeout, help, allInterfaces);
    }

    public Options withServices(List<String> value) {
        return new Options(demo, clean, dataDir, portOffset, repoRoot, value, readyTimeout, help, allInterfaces);
    }

    public Options withReadyTimeout(Duration value) {
        return new Options(demo, clean, dataDir, portOffset, repoRoot, services, value, help, allInterfaces);
    }

    public Options withAllInterfaces(boolean value) {
        return new Options(demo, clean, dataDir, portOffset, repoRoot, services, readyTimeout, help, value);
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
                case "--help", "-h" ->
                    options = new Options(
                            options.demo,
                            options.clean,
                            options.dataDir,
                            options.portOffset,
                            options.repoRoot,
                            options.services,
                            options.readyTimeout,
                            true,
                            options.allInterfaces);
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
