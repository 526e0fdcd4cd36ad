package io.referrals.localstack;

import io.referrals.testing.DevTokens;
import io.referrals.testing.EmbeddedDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * A started platform: PostgreSQL, Kafka and the services, plus what a test needs to poke at it. Stop it with
 * {@link #close()}; if the JVM exits first, a shutdown hook does.
 */
public final class RunningStack implements AutoCloseable, ConsoleGateway.Backend {
    private static final Duration SERVICE_STOP_GRACE = Duration.ofSeconds(10);
    /** Fine enough to time a start of about a second, light enough not to slow it. */
    private static final Duration READY_POLL = Duration.ofMillis(50);

    private static final Set<RunningStack> OPEN = ConcurrentHashMap.newKeySet();
    /** The local broker's name for {@link #hold} and the console. */
    public static final String KAFKA = "Kafka";

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(RunningStack::closeAll, "local-stack-shutdown"));
    }

    private final Options options;
    private final DataDirectory dataDir;
    private final Instant startedAt = Instant.now();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final CountDownLatch closed = new CountDownLatch(1);
    // Written by the starting thread, read by whichever thread stops the stack.
    private volatile Map<String, ServiceProcess> services = Map.of();
    private volatile EmbeddedDatabase database;
    private volatile KafkaBroker kafka;
    private volatile MailServer mail;
    private volatile DatabaseWatch databaseWatch;
    // Restarts a service or the local broker that dies while the stack runs; started once everything is ready.
    private volatile ProcessWatch processWatch;
    // Held while the broker is stopped on purpose (stopBroker ... startBroker).
    private volatile Hold brokerHold;
    // Guards stopping and starting the broker, and kafka's replacement.
    private final Object brokerLock = new Object();
    private volatile boolean closing;
    private String devToken;
    private DevKeys devKeys;
    private Duration startupTime;

    private RunningStack(Options options, DataDirectory dataDir) {
        this.options = options;
        this.dataDir = dataDir;
    }

    /** Starts everything and waits until every service is ready; on failure stops what started and throws. */
    static RunningStack start(Options options) {
        requireJars(options);
        DataDirectory dataDir = new DataDirectory(options.dataDir());
        dataDir.open();
        if (options.clean()) {
            try {
                dataDir.clean();
            } catch (RuntimeException e) {
                dataDir.close();
                throw e;
            }
        }
        RunningStack stack = new RunningStack(options, dataDir);
        OPEN.add(stack);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            // If a signal closed the stack mid-start, what started after that close still needs stopping.
            stack.stopComponents();
            throw e;
        }
    }

    private static void requireJars(Options options) {
        List<String> missing = options.services().stream()
                .map(ServiceDefinition::named)
                .map(s -> s.jar(options.repoRoot()))
                .filter(jar -> !Files.isRegularFile(jar))
                .map(Object::toString)
                .toList();
        if (!missing.isEmpty()) {
            throw new StackStartException("Service jars not built:\n  " + String.join("\n  ", missing)
                    + "\nBuild them from the repository root with: ./mvnw package -DskipTests");
        }
    }

    private void startAll() {
        Instant deadline = startedAt.plus(options.readyTimeout());
        Ports ports = options.ports();
        ChildProcesses.stopLeftovers(dataDir.root());
        String externalKafka = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        boolean embeddedKafka = externalKafka == null || externalKafka.isBlank();
        requireFreePorts(ports, embeddedKafka);
        writeDevKeyAndToken();

        // Kafka starts in its own JVM while PostgreSQL starts here: the two overlap.
        if (embeddedKafka) {
            say("Starting Kafka (KRaft) on 127.0.0.1:" + ports.kafka());
            kafka = KafkaBroker.launch(dataDir, ports);
        } else {
            say("Using external Kafka at " + externalKafka);
            kafka = KafkaBroker.external(externalKafka);
        }
        checkNotClosing();
        if (options.fast() && System.getenv("DB_URL") == null) {
            warnFast();
        }
        database = EmbeddedDatabase.startPersistent(dataDir.postgres(), ports.postgres(), options.durability());
        say(
                database.isEmbedded()
                        ? "PostgreSQL ready on port " + ports.postgres() + " (data in " + dataDir.postgres() + ")"
                        : "Using external PostgreSQL at " + database.jdbcUrl());
        if (database.isEmbedded()) {
            databaseWatch = new DatabaseWatch(database, RunningStack::say);
            databaseWatch.start();
        }
        checkNotClosing();
        String externalSmtp = System.getenv("SMTP_HOST");
        if (!options.services().contains("notification-service")) {
            // Nothing sends email.
        } else if (externalSmtp == null || externalSmtp.isBlank()) {
            mail = MailServer.start(ports.smtp(), dataDir.mail());
            say("SMTP server on 127.0.0.1:" + ports.smtp() + "; every message sent is kept in " + dataDir.mail());
        } else {
            say("Using external SMTP server " + externalSmtp);
        }
        kafka.awaitReady(deadline);
        kafka.createPlatformTopics();
        say("Kafka ready at " + kafka.bootstrapServers());

        Map<String, ServiceProcess> processes = new LinkedHashMap<>();
        for (String name : options.services()) {
            ServiceDefinition definition = ServiceDefinition.named(name);
            int port = ports.service(definition);
            processes.put(
                    name,
                    new ServiceProcess(
                            definition, definition.jar(options.repoRoot()), port, serviceEnvironment(port), dataDir));
        }
        services = Collections.unmodifiableMap(processes);
        checkNotClosing();
        say("Starting " + String.join(", ", services.keySet()));
        services.values().forEach(ServiceProcess::start);
        awaitReady(services.values(), startedAt, deadline);
        startupTime = Duration.between(startedAt, Instant.now());
        watchProcesses();
    }

    /** From now on a service or the local broker that dies is reported and started again (ProcessWatch). */
    private void watchProcesses() {
        ProcessWatch watch = new ProcessWatch(RunningStack::say);
        for (ServiceProcess service : services.values()) {
            watch.watch(
                    new ProcessWatch.Watched(service.name(), service::isAlive, service::howItEnded, service::start));
        }
        if (kafka.isEmbedded()) {
            watch.watch(new ProcessWatch.Watched(KAFKA, () -> kafka.isAlive(), () -> kafka.howItEnded(), () -> {
                synchronized (brokerLock) {
                    if (!closing) {
                        kafka = KafkaBroker.launch(dataDir, options.ports(), false);
                    }
                }
            }));
        }
        checkNotClosing();
        processWatch = watch;
        watch.start();
    }

    /** Said before PostgreSQL starts, and again by the launcher next to "Platform ready". */
    static void warnFast() {
        say("");
        say("!!! --fast: PostgreSQL runs with " + EmbeddedDatabase.describe(EmbeddedDatabase.Durability.FAST_UNSAFE));
        say("!!! A crash of PostgreSQL or of this machine can LOSE DATA THE SERVICES ALREADY ACKNOWLEDGED, and leave");
        say("!!! events downstream for rows that are gone. Use it for throw-away data only; drop --fast to be safe.");
        say("");
    }

    private void requireFreePorts(Ports ports, boolean embeddedKafka) {
        String externalDb = System.getenv("DB_URL");
        if (externalDb == null || externalDb.isBlank()) {
            Ports.requireFree(ports.postgres(), "PostgreSQL");
        }
        if (embeddedKafka) {
            Ports.requireFree(ports.kafka(), "Kafka");
            Ports.requireFree(ports.kafkaController(), "the Kafka controller");
        }
        String externalSmtp = System.getenv("SMTP_HOST");
        if (options.services().contains("notification-service") && (externalSmtp == null || externalSmtp.isBlank())) {
            Ports.requireFree(ports.smtp(), "the SMTP server");
        }
        for (String name : options.services()) {
            Ports.requireFree(ports.service(ServiceDefinition.named(name)), name);
            Ports.requireFree(ports.management(ServiceDefinition.named(name)), name + "'s management interface");
        }
    }

    private void writeDevKeyAndToken() {
        devKeys = DevKeys.of(dataDir);
        devToken = devKeys.token(DemoData.TENANT, Duration.ofHours(12), "owner");
        try {
            Files.writeString(dataDir.devToken(), devToken + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The data directory's intake secret key, made on its first start: signing secrets stored under it must stay
     * readable across restarts, and no two directories share one.
     */
    private String intakeSecretKey() {
        try {
            if (!Files.exists(dataDir.intakeSecretKey())) {
                byte[] key = new byte[32];
                new java.security.SecureRandom().nextBytes(key);
                Files.writeString(
                        dataDir.intakeSecretKey(), java.util.Base64.getEncoder().encodeToString(key) + "\n");
            }
            return Files.readString(dataDir.intakeSecretKey()).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, String> serviceEnvironment(int port) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("INTAKE_SECRET_KEY", intakeSecretKey());
        environment.put("DB_URL", database.jdbcUrl());
        environment.put("DB_USER", database.user());
        environment.put("DB_PASSWORD", database.password());
        environment.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        environment.put("JWT_PUBLIC_KEY_LOCATION", dataDir.publicKey().toString());
        environment.put("JWT_ISSUER", DevTokens.ISSUER);
        environment.put("PORT", Integer.toString(port));
        // Reachable from this machine only, unless --bind says otherwise; health, metrics, OpenAPI and Swagger UI on
        // the management port beside it.
        environment.put("QUARKUS_HTTP_HOST", options.bindAddress());
        environment.put("QUARKUS_MANAGEMENT_HOST", options.bindAddress());
        environment.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(Ports.management(port)));
        environment.put("SWAGGER_UI", "true");
        environment.put("LOG_JSON", "false");
        // notification-service's email: the local SMTP server, unless SMTP_HOST (and the rest) come from outside.
        if (mail != null) {
            environment.put("SMTP_HOST", "127.0.0.1");
            environment.put("SMTP_PORT", Integer.toString(options.ports().smtp()));
            environment.put("SMTP_STARTTLS", "DISABLED");
        }
        if (System.getenv("UNSUBSCRIBE_SECRET") == null) {
            environment.put("UNSUBSCRIBE_SECRET", "local-stack-only-unsubscribe-secret-never-in-production");
        }
        if (System.getenv("PUBLIC_BASE_URL") == null) {
            environment.put("PUBLIC_BASE_URL", "http://localhost:" + port);
        }
        // notification-service's webhooks: plain http and this machine's own endpoints, for local development only.
        if (System.getenv("WEBHOOKS_ALLOW_HTTP") == null) {
            environment.put("WEBHOOKS_ALLOW_HTTP", "true");
        }
        if (System.getenv("WEBHOOKS_ALLOWED_HOSTS") == null) {
            environment.put("WEBHOOKS_ALLOWED_HOSTS", "localhost,127.0.0.1");
        }
        return environment;
    }

    /**
     * Polls the readiness endpoints; a service that exits or misses the deadline fails the start. Answers the time
     * from {@code since} until the last one was ready.
     */
    private Duration awaitReady(Iterable<ServiceProcess> starting, Instant since, Instant deadline) {
        Duration lastReady = Duration.ZERO;
        Set<ServiceProcess> pending = new LinkedHashSet<>();
        starting.forEach(pending::add);
        while (!pending.isEmpty()) {
            checkNotClosing();
            for (ServiceProcess service : List.copyOf(pending)) {
                if (!service.isAlive()) {
                    throw new StackStartException(service.name() + " exited with code " + service.exitCode()
                            + " before it was ready. Last lines of " + service.log() + ":\n" + service.logTail());
                }
                if (service.isReady(http)) {
                    pending.remove(service);
                    lastReady = Duration.between(since, Instant.now());
                    say(service.name() + " ready on port " + service.port() + " (" + seconds(lastReady) + " s)");
                }
            }
            if (!pending.isEmpty() && Instant.now().isAfter(deadline)) {
                StringBuilder message = new StringBuilder(
                        "Not ready after " + options.readyTimeout().toSeconds() + " s (--ready-timeout):");
                for (ServiceProcess service : pending) {
                    message.append("\n\n")
                            .append(service.name())
                            .append(", last lines of ")
                            .append(service.log())
                            .append(":\n")
                            .append(service.logTail());
                }
                throw new StackStartException(message.toString());
            }
            if (!pending.isEmpty()) {
                try {
                    Thread.sleep(READY_POLL.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new StackStartException("Interrupted while waiting for the services");
                }
            }
        }
        return lastReady;
    }

    private void checkNotClosing() {
        if (closing) {
            throw new StackStartException("Stopped while starting");
        }
    }

    /** Seconds with one decimal, e.g. {@code 18.5}. */
    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f", duration.toMillis() / 1000.0);
    }

    private static void say(String line) {
        System.out.println(line);
    }

    // --- What callers (the launcher, integration tests) use.

    public int servicePort(String name) {
        return service(name).port();
    }

    public List<String> serviceNames() {
        return List.copyOf(services.keySet());
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public int smtpPort() {
        return options.ports().smtp();
    }

    /** Where every message sent through the local SMTP server is kept as an .eml file. */
    public Path mailDirectory() {
        return dataDir.mail();
    }

    /** The .eml files received so far, oldest first; none when an external SMTP server is used. */
    public List<Path> receivedMail() {
        return mail == null ? List.of() : mail.savedMessages();
    }

    public EmbeddedDatabase database() {
        return database;
    }

    public DataDirectory dataDir() {
        return dataDir;
    }

    /** A token for this stack (signed with its data directory's own key), valid one hour. */
    public String token(String tenantId, String... roles) {
        return token(Duration.ofHours(1), tenantId, roles);
    }

    /** A token for this stack valid for {@code validFor} (at most the services' maximum token age, 12 hours). */
    public String token(Duration validFor, String tenantId, String... roles) {
        return devKeys.token(tenantId, validFor, roles);
    }

    /** A token for tenant {@code demo-practice} with role owner, valid 12 hours. */
    public String devToken() {
        return devToken;
    }

    public Duration startupTime() {
        return startupTime;
    }

    /**
     * Kills every process of the embedded PostgreSQL at once with SIGKILL (the postmaster and all its children, as
     * an OOM kill of the whole container or a lost container would) and returns once they are all gone. Nothing
     * shuts down cleanly; what survives is what was on disk. The stack's watch notices within a second, says so
     * and starts PostgreSQL again on the same data directory and port (crash recovery from the WAL); wait for
     * {@link #isDatabaseUp()} if a test needs it back.
     */
    public void killDatabase() {
        requireEmbeddedDatabase();
        database.kill();
    }

    /**
     * Stops the embedded PostgreSQL cleanly and keeps it down: the watch does not start it again until {@link
     * #startDatabase()}. The services see connection failures meanwhile.
     */
    public void stopDatabase() {
        requireEmbeddedDatabase();
        databaseWatch.hold();
        database.stop();
    }

    /**
     * Starts the embedded PostgreSQL again on the same data directory and port, after {@link #stopDatabase()} or
     * {@link #killDatabase()}, and returns once it accepts connections; from then on the watch restarts it again
     * if it dies. A no-op if it runs.
     */
    public void startDatabase() {
        requireEmbeddedDatabase();
        database.start();
        databaseWatch.release();
    }

    /** Whether the embedded PostgreSQL's postmaster runs. */
    public boolean isDatabaseUp() {
        requireEmbeddedDatabase();
        return database.isAlive();
    }

    /** How many times the watch started a dead PostgreSQL again since the stack started. */
    public long databaseRestarts() {
        requireEmbeddedDatabase();
        return databaseWatch.restarts();
    }

    /** Completed rounds of the database watch, for tests that must see it looked and left a stopped database down. */
    long databaseWatchRounds() {
        requireEmbeddedDatabase();
        return databaseWatch.rounds();
    }

    private void requireEmbeddedDatabase() {
        if (database == null || !database.isEmbedded()) {
            throw new IllegalStateException(
                    "The stack uses an external PostgreSQL (DB_URL); it cannot stop or kill it");
        }
    }

    /**
     * Stops the local Kafka broker (SIGTERM; it flushes and closes its log, SIGKILL after 15 s) and keeps it down
     * until {@link #startBroker()}. The services' producers and consumers see the broker gone meanwhile.
     */
    public void stopBroker() {
        requireEmbeddedBroker();
        // Taken before brokerLock: the watch holds its own lock while it starts the broker under brokerLock.
        Hold hold = hold(KAFKA);
        synchronized (brokerLock) {
            if (brokerHold == null) {
                brokerHold = hold;
            } else {
                hold.close();
            }
            kafka.close();
        }
    }

    /**
     * Starts the local Kafka broker again on the same log directory and ports, and returns once it answers a
     * metadata request (within {@code --ready-timeout}). A no-op if it runs.
     */
    public void startBroker() {
        Hold held;
        synchronized (brokerLock) {
            requireEmbeddedBroker();
            held = brokerHold;
            brokerHold = null;
            if (!kafka.isAlive()) {
                KafkaBroker started = KafkaBroker.launch(dataDir, options.ports(), false);
                kafka = started;
                started.awaitReady(Instant.now().plus(options.readyTimeout()));
            }
        }
        // Released outside brokerLock (see stopBroker); if the start failed, the watch takes over from here.
        if (held != null) {
            held.close();
        }
    }

    /** Kills the local broker's JVM with SIGKILL, as a crash would; the stack's watch starts it again. */
    public void killBroker() {
        synchronized (brokerLock) {
            requireEmbeddedBroker();
            kafka.kill();
        }
    }

    /** Whether the local broker's JVM runs. */
    public boolean isBrokerUp() {
        return kafka.isAlive();
    }

    private void requireEmbeddedBroker() {
        if (kafka == null || !kafka.isEmbedded()) {
            throw new IllegalStateException(
                    "The stack uses an external Kafka (KAFKA_BOOTSTRAP_SERVERS); it cannot stop or start it");
        }
    }

    /**
     * Kills the service's JVM with SIGKILL, as a crash would; the rest of the stack keeps running. Unless the caller
     * {@linkplain #hold holds} the service, the stack's watch reports it and starts it again after a pause.
     */
    public void kill9(String name) {
        service(name).kill();
    }

    /**
     * Keeps the stack's watch from starting {@code name} (a service, or {@link #KAFKA}) again while the caller stops,
     * kills or restarts it on purpose: {@code try (Hold hold = stack.hold("referral-service")) { stack.kill9(...);
     * ...; stack.restart(...); }}. Once the hold is closed the watch looks after the process again.
     */
    public Hold hold(String name) {
        ProcessWatch watch = processWatch;
        if (watch == null) {
            return () -> {};
        }
        return watch.hold(name);
    }

    /** Completed rounds of the process watch, for tests that must see it looked and left a held process down. */
    long processWatchRounds() {
        return processWatch.rounds();
    }

    /** How many times the stack's watch started {@code name} (a service, or {@link #KAFKA}) again after it died. */
    public long watchRestarts(String name) {
        return processWatch.restarts(name);
    }

    /**
     * Starts the service again (stopping it first if it still runs) and waits until it is ready; answers how long it
     * took from launching its JVM to its readiness check answering UP. Holds the service meanwhile, so the watch
     * does not start it a second time.
     */
    public Duration restart(String name) {
        ServiceProcess service = service(name);
        try (Hold hold = hold(name)) {
            if (service.isAlive()) {
                ServiceProcess.stopAll(List.of(service), SERVICE_STOP_GRACE);
            }
            Instant restartedAt = Instant.now();
            service.start();
            return awaitReady(List.of(service), restartedAt, restartedAt.plus(options.readyTimeout()));
        }
    }

    /** Whether the service's JVM runs. */
    public boolean isServiceUp(String name) {
        return service(name).isAlive();
    }

    /** Whether the service answers its readiness check. */
    public boolean isServiceReady(String name) {
        return service(name).isReady(http);
    }

    /** The operating-system process id of the service's JVM, e.g. to read its resident memory. */
    public long servicePid(String name) {
        return service(name).pid();
    }

    private ServiceProcess service(String name) {
        ServiceProcess service = services.get(name);
        if (service == null) {
            throw new IllegalArgumentException(name + " is not part of this stack; it runs " + services.keySet());
        }
        return service;
    }

    /** Blocks until {@link #close()} has finished. */
    public void awaitClosed() throws InterruptedException {
        closed.await();
    }

    /** Stops the services, then Kafka, then PostgreSQL. Idempotent; safe from any thread. */
    @Override
    public void close() {
        synchronized (this) {
            if (closing) {
                return;
            }
            closing = true;
        }
        try {
            stopComponents();
        } finally {
            dataDir.close();
            OPEN.remove(this);
            closed.countDown();
        }
    }

    /**
     * Services first (they use the rest), then Kafka, then PostgreSQL; each step runs even if one fails, and says what
     * it stops.
     */
    private void stopComponents() {
        Instant stopping = Instant.now();
        List<Runnable> steps = List.of(
                () -> {
                    // First, or they would start what is stopped below again.
                    if (processWatch != null) {
                        processWatch.close();
                    }
                    if (databaseWatch != null) {
                        databaseWatch.close();
                    }
                },
                () -> {
                    if (!services.isEmpty()) {
                        say("Stopping " + String.join(", ", services.keySet()) + " ...");
                        ServiceProcess.stopAll(List.copyOf(services.values()), SERVICE_STOP_GRACE);
                    }
                },
                () -> {
                    synchronized (brokerLock) {
                        if (kafka != null) {
                            if (kafka.isEmbedded()) {
                                say("Stopping Kafka ...");
                            }
                            kafka.close();
                        }
                    }
                },
                () -> {
                    if (mail != null) {
                        say("Stopping the SMTP server ...");
                        mail.close();
                    }
                },
                () -> {
                    if (database != null) {
                        if (database.isEmbedded()) {
                            say("Stopping PostgreSQL ...");
                        }
                        database.close();
                    }
                });
        for (Runnable step : steps) {
            try {
                step.run();
            } catch (RuntimeException e) {
                System.err.println("While stopping the local stack: " + e);
            }
        }
        say("Everything stopped (" + seconds(Duration.between(stopping, Instant.now())) + " s)");
    }

    /** Closes every stack of this JVM: from the shutdown hook, or from the launcher's signal handler. */
    static void closeAll() {
        for (RunningStack stack : List.copyOf(OPEN)) {
            stack.close();
        }
    }
}
