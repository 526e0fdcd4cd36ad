package io.referrals.localstack;

import io.referrals.events.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The Kafka the services talk to: the external one named by {@code KAFKA_BOOTSTRAP_SERVERS}, or a single-node
 * KRaft broker run as a child JVM whose log directory is in the data directory, so topics and offsets survive
 * restarts. The local broker is one object for the stack's lifetime: {@link #startAgain()} (the watch after a crash,
 * or the outage controls) replaces a dead JVM by a new one on the same log directory and ports.
 */
final class KafkaBroker implements AutoCloseable {
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);
    private static final int PARTITIONS = 3;
    /** Warnings and errors only, plus the broker's own start and stop lines. */
    private static final String LOGGING = """
            loggers=kafka.server.KafkaRaftServer,kafka.server.BrokerServer,kafka.server.ControllerServer
            logger.level=WARN
            logger.handlers=CONSOLE
            logger.kafka.server.KafkaRaftServer.level=INFO
            logger.kafka.server.BrokerServer.level=INFO
            logger.kafka.server.ControllerServer.level=INFO
            handler.CONSOLE=org.jboss.logmanager.handlers.ConsoleHandler
            handler.CONSOLE.properties=autoFlush,target
            handler.CONSOLE.autoFlush=true
            handler.CONSOLE.target=SYSTEM_OUT
            handler.CONSOLE.formatter=PATTERN
            formatter.PATTERN=org.jboss.logmanager.formatters.PatternFormatter
            formatter.PATTERN.properties=pattern
            formatter.PATTERN.pattern=%d{yyyy-MM-dd HH:mm:ss,SSS} %-5p [%c] %s%e%n
            """;

    private final String bootstrapServers;
    // Null for an external broker.
    private final DataDirectory dataDir;
    private final Ports ports;
    private final Path log;
    // The local broker's current JVM, replaced by startAgain(); null for an external broker.
    private volatile Process process;
    // Guarded by this: a closed broker is not started again, so a late restart cannot outlive the stack.
    private boolean closed;

    private KafkaBroker(String bootstrapServers, DataDirectory dataDir, Ports ports) {
        this.bootstrapServers = bootstrapServers;
        this.dataDir = dataDir;
        this.ports = ports;
        this.log = dataDir == null ? null : dataDir.log("kafka");
    }

    static KafkaBroker external(String bootstrapServers) {
        return new KafkaBroker(bootstrapServers, null, null);
    }

    /** Formats the storage on first use, then starts the broker without waiting for it; see {@link #awaitReady}. */
    static KafkaBroker launch(DataDirectory dataDir, Ports ports) {
        KafkaBroker broker = new KafkaBroker("127.0.0.1:" + ports.kafka(), dataDir, ports);
        broker.process = broker.launchProcess(true);
        return broker;
    }

    /**
     * Starts the local broker's JVM again if it is not running, appending to {@code logs/kafka.log}, without waiting
     * for it; answers whether it did. Nothing once the broker is closed.
     */
    synchronized boolean startAgain() {
        if (!isEmbedded() || closed || process.isAlive()) {
            return false;
        }
        process = launchProcess(false);
        return true;
    }

    /** {@code freshLog} false appends to {@code logs/kafka.log} (a restart of the same stack's broker). */
    private Process launchProcess(boolean freshLog) {
        try {
            Files.writeString(dataDir.kafkaProperties(), serverProperties(dataDir, ports));
            Files.writeString(dataDir.kafkaLogging(), LOGGING);
            if (freshLog) {
                Files.deleteIfExists(log);
            }
            if (!Files.exists(dataDir.kafka().resolve("meta.properties"))) {
                format(dataDir, log);
            }
            List<String> command = javaCommand(
                    dataDir, "kafka.Kafka", dataDir.kafkaProperties().toString());
            return new ProcessBuilder(command)
                    .directory(dataDir.root().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Kafka did not start", e);
        }
    }

    /** The one-off {@code kafka-storage format}: a new cluster id and a single-node dynamic controller quorum. */
    private static void format(DataDirectory dataDir, Path log) throws IOException {
        List<String> command = javaCommand(
                dataDir,
                "kafka.tools.StorageTool",
                "format",
                "--cluster-id",
                Uuid.randomUuid().toString(),
                "--config",
                dataDir.kafkaProperties().toString(),
                "--standalone");
        Process format = new ProcessBuilder(command)
                .directory(dataDir.root().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        try {
            if (!format.waitFor(60, TimeUnit.SECONDS)) {
                ChildProcesses.kill(format);
                throw new StackStartException("Formatting Kafka storage took over 60 s; see " + log);
            }
        } catch (InterruptedException e) {
            ChildProcesses.kill(format);
            Thread.currentThread().interrupt();
            throw new StackStartException("Interrupted while formatting Kafka storage");
        }
        if (format.exitValue() != 0) {
            throw new StackStartException("Formatting Kafka storage failed (exit " + format.exitValue() + "):\n"
                    + ChildProcesses.tail(log, 30));
        }
    }

    private static List<String> javaCommand(DataDirectory dataDir, String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(
                ChildProcesses.javaExecutable(),
                "-Xmx512m",
                ChildProcesses.DATA_DIR_MARKER + dataDir.root(),
                // Kafka logs through SLF4J; the JBoss LogManager on the classpath writes it, quietly, to stdout.
                "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                "-Dlogging.configuration=" + dataDir.kafkaLogging().toUri(),
                "-cp",
                ChildProcesses.libraryClasspath(),
                mainClass));
        command.addAll(List.of(args));
        return command;
    }

    private static String serverProperties(DataDirectory dataDir, Ports ports) {
        String broker = "127.0.0.1:" + ports.kafka();
        String controller = "127.0.0.1:" + ports.kafkaController();
        return String.join(
                "\n",
                "# Written by the local stack on every start; edits are overwritten.",
                "process.roles=broker,controller",
                "node.id=1",
                "listeners=PLAINTEXT://" + broker + ",CONTROLLER://" + controller,
                "advertised.listeners=PLAINTEXT://" + broker + ",CONTROLLER://" + controller,
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "controller.listener.names=CONTROLLER",
                "controller.quorum.bootstrap.servers=" + controller,
                "log.dirs=" + dataDir.kafka(),
                "num.partitions=" + PARTITIONS,
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "");
    }

    /** Waits until the broker answers a metadata request. */
    void awaitReady(Instant deadline) {
        Exception last = null;
        Process process = this.process;
        try (Admin admin = admin()) {
            while (true) {
                if (process != null && !process.isAlive()) {
                    throw new StackStartException("Kafka exited with code " + process.exitValue()
                            + " before it was ready. Last lines of " + log + ":\n" + ChildProcesses.tail(log, 40));
                }
                try {
                    if (!admin.describeCluster()
                            .nodes()
                            .get(3, TimeUnit.SECONDS)
                            .isEmpty()) {
                        return;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new StackStartException("Interrupted while waiting for Kafka");
                } catch (Exception e) {
                    last = e;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new StackStartException("Kafka at " + bootstrapServers + " was not reachable in time ("
                            + last + ")"
                            + (log == null ? "" : ". Last lines of " + log + ":\n" + ChildProcesses.tail(log, 40)));
                }
                sleep(Duration.ofMillis(300));
            }
        }
    }

    /**
     * Creates the platform's event topics on the local broker before any service subscribes. A consumer that
     * subscribes to a topic that does not exist yet only notices it at its next metadata refresh, minutes
     * later; the services provision their topics themselves, and this is the safety net for when they cannot.
     */
    void createPlatformTopics() {
        if (!isEmbedded()) {
            return; // An external cluster's topics are its owner's business.
        }
        List<String> wanted = List.of(
                Topics.PARTNER_EVENTS, Topics.REFERRAL_EVENTS, Topics.METRICS_EVENTS, Topics.NOTIFICATION_EVENTS);
        try (Admin admin = admin()) {
            var existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            List<NewTopic> missing = wanted.stream()
                    .filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, PARTITIONS, (short) 1)
                            .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(Topics.retentionMs(t)))))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackStartException("Interrupted while creating Kafka topics");
        } catch (Exception e) {
            throw new StackStartException("Could not create Kafka topics " + wanted + " at " + bootstrapServers, e);
        }
    }

    private Admin admin() {
        // default.api.timeout.ms may not be below request.timeout.ms, or the client refuses to start.
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500));
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    boolean isEmbedded() {
        return dataDir != null;
    }

    /** How the local broker's JVM ended, for the console: its exit code and where its log is. */
    String howItEnded() {
        Process process = this.process;
        return process == null || process.isAlive()
                ? "running"
                : "exit code " + process.exitValue() + "; its log: " + log;
    }

    /** Kills the local broker's JVM at once, as a crash would. */
    synchronized void kill() {
        if (process != null) {
            ChildProcesses.kill(process);
        }
    }

    /**
     * Stops the local broker's JVM (SIGTERM: it flushes and closes its log; SIGKILL after 15 s); {@link
     * #startAgain()} brings it back.
     */
    synchronized void stop() {
        if (process != null) {
            ChildProcesses.stop(List.of(process), STOP_GRACE);
        }
    }

    /** Whether the local broker's JVM runs; always true for an external broker (not ours to watch). */
    boolean isAlive() {
        Process process = this.process;
        return process == null || process.isAlive();
    }

    /** Stops the local broker for good. */
    @Override
    public synchronized void close() {
        closed = true;
        stop();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackStartException("Interrupted while waiting for Kafka");
        }
    }
}
