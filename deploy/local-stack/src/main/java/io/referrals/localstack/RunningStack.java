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
 * A started platform: PostgreSQL, Kafka, the local SMTP server and the services, where each listens, and the tokens
 * they accept. Stop it with {@link #close()}; if the JVM exits first, a shutdown hook does. Tests that take parts of
 * it away and bring them back use its {@link #outageControls()}.
 */
public final class RunningStack implements AutoCloseable, ConsoleGateway.Backend {
    /** The issuer of partners' portal session tokens on the local stack (never the staff tokens' issuer). */
    static final String PORTAL_ISSUER = "https://portal.dev.referrals.local";

    private static final Duration SERVICE_STOP_GRACE = Duration.ofSeconds(10);
    /** Fine enough to time a start of about a second, light enough not to slow it. */
    private static final Duration READY_POLL = Duration.ofMillis(50);

    private static final String LOCAL_UNSUBSCRIBE_SECRET = "local-stack-only-unsubscribe-secret-never-in-production";

    private static final Set<RunningStack> OPEN = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(RunningStack::closeAll, "local-stack-shutdown"));
    }

    private final Options options;
    private final Environment environment;
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
    private volatile boolean closing;
    private String devToken;
    private DevKeys devKeys;
    private Duration startupTime;
    private OutageControls outageControls;

    private RunningStack(Options options, DataDirectory dataDir) {
        this.options = options;
        this.environment = options.environment();
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
            stack.stopComponents(SERVICE_STOP_GRACE);
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
        ChildProcesses.stopLeftovers(dataDir.root());
        requireFreePorts();
        writeDevKeyAndToken();
        // Kafka starts in its own JVM while PostgreSQL starts here: the two overlap.
        launchKafka();
        checkNotClosing();
        startDatabase();
        checkNotClosing();
        startMailServer();
        kafka.awaitReady(deadline);
        kafka.createPlatformTopics();
        say("Kafka ready at " + kafka.bootstrapServers());
        startServices(deadline);
        startupTime = Duration.between(startedAt, Instant.now());
        watchProcesses();
        outageControls = new OutageControls(
                database, databaseWatch, kafka, processWatch, this::service, http, options.readyTimeout());
    }

    private void requireFreePorts() {
        Ports ports = options.ports();
        if (environment.externalDatabase().isEmpty()) {
            Ports.requireFree(ports.postgres(), "PostgreSQL");
        }
        if (environment.externalKafka().isEmpty()) {
            Ports.requireFree(ports.kafka(), "Kafka");
            Ports.requireFree(ports.kafkaController(), "the Kafka controller");
        }
        if (needsLocalMailServer()) {
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

    private void launchKafka() {
        if (environment.externalKafka().isPresent()) {
            say("Using external Kafka at " + environment.externalKafka().get());
            kafka = KafkaBroker.external(environment.externalKafka().get());
        } else {
            say("Starting Kafka (KRaft) on 127.0.0.1:" + options.ports().kafka());
            kafka = KafkaBroker.launch(dataDir, options.ports());
        }
    }

    /** The embedded PostgreSQL, watched from now on, or the external one {@code DB_URL} names. */
    private void startDatabase() {
        if (environment.externalDatabase().isPresent()) {
            Environment.ExternalDatabase external =
                    environment.externalDatabase().get();
            database = EmbeddedDatabase.external(external.jdbcUrl(), external.user(), external.password());
            say("Using external PostgreSQL at " + database.jdbcUrl());
            return;
        }
        if (options.fast()) {
            warnFast();
        }
        int port = options.ports().postgres();
        database = EmbeddedDatabase.startPersistentEmbedded(dataDir.postgres(), port, options.durability());
        say("PostgreSQL ready on port " + port + " (data in " + dataDir.postgres() + ")");
        databaseWatch = new DatabaseWatch(database, RunningStack::say);
        databaseWatch.start();
    }

    /** Only notification-service sends email; it goes to the local server unless {@code SMTP_HOST} names another. */
    private boolean needsLocalMailServer() {
        return options.services().contains("notification-service")
                && environment.externalSmtpHost().isEmpty();
    }

    private void startMailServer() {
        if (needsLocalMailServer()) {
            mail = MailServer.start(options.ports().smtp(), dataDir.mail());
            say("SMTP server on 127.0.0.1:" + options.ports().smtp() + "; every message sent is kept in "
                    + dataDir.mail());
        } else if (options.services().contains("notification-service")) {
            say("Using external SMTP server " + environment.externalSmtpHost().get());
        }
    }

    private void startServices(Instant deadline) {
        String intakeSecretKey = dataDir.readOrMakeIntakeSecretKey();
        Map<String, ServiceProcess> processes = new LinkedHashMap<>();
        for (String name : options.services()) {
            ServiceDefinition definition = ServiceDefinition.named(name);
            int port = options.ports().service(definition);
            processes.put(
                    name,
                    new ServiceProcess(
                            definition,
                            definition.jar(options.repoRoot()),
                            port,
                            serviceEnvironment(port, intakeSecretKey),
                            environment.serviceJvmOptions(),
                            dataDir));
        }
        services = Collections.unmodifiableMap(processes);
        checkNotClosing();
        say("Starting " + String.join(", ", services.keySet()));
        services.values().forEach(ServiceProcess::start);
        awaitReady(services.values(), startedAt, deadline);
    }

    /**
     * What a service's JVM gets on top of the launcher's own environment: where PostgreSQL, Kafka and the key to
     * check tokens with are, where to listen, and the settings production requires that the local stack defaults.
     */
    private Map<String, String> serviceEnvironment(int port, String intakeSecretKey) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("INTAKE_SECRET_KEY", intakeSecretKey);
        variables.put("DB_URL", database.jdbcUrl());
        variables.put("DB_USER", database.user());
        variables.put("DB_PASSWORD", database.password());
        variables.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        variables.put("JWT_PUBLIC_KEY_LOCATION", dataDir.publicKey().toString());
        variables.put("JWT_ISSUER", DevTokens.ISSUER);
        // The partner portal's sessions: the data directory's own portal key pair, an issuer of their own, and links
        // to the portal on the console gateway's origin.
        variables.put(
                "PORTAL_JWT_PRIVATE_KEY_LOCATION", dataDir.portalPrivateKey().toString());
        variables.put(
                "PORTAL_JWT_PUBLIC_KEY_LOCATION", dataDir.portalPublicKey().toString());
        variables.put("PORTAL_JWT_ISSUER", PORTAL_ISSUER);
        variables.put("PORTAL_BASE_URL", "http://localhost:" + (ConsoleGateway.BASE_PORT + options.portOffset()));
        variables.put("PORT", Integer.toString(port));
        // Reachable from this machine only, unless --all-interfaces says otherwise; health, metrics, OpenAPI and
        // Swagger UI on the management port beside it.
        variables.put("QUARKUS_HTTP_HOST", options.bindAddress());
        variables.put("QUARKUS_MANAGEMENT_HOST", options.bindAddress());
        variables.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(Ports.management(port)));
        variables.put("SWAGGER_UI", "true");
        variables.put("LOG_JSON", "false");
        // notification-service's email: the local SMTP server, unless SMTP_HOST (and the rest) come from outside.
        if (mail != null) {
            variables.put("SMTP_HOST", "127.0.0.1");
            variables.put("SMTP_PORT", Integer.toString(options.ports().smtp()));
            variables.put("SMTP_STARTTLS", "DISABLED");
        } else {
            environment.externalSmtpHost().ifPresent(host -> variables.put("SMTP_HOST", host));
        }
        variables.put("UNSUBSCRIBE_SECRET", environment.unsubscribeSecret().orElse(LOCAL_UNSUBSCRIBE_SECRET));
        variables.put("PUBLIC_BASE_URL", environment.publicBaseUrl().orElse("http://localhost:" + port));
        // notification-service's webhooks: plain http and this machine's own endpoints, for local development only.
        variables.put("WEBHOOKS_ALLOW_HTTP", environment.webhooksAllowHttp().orElse("true"));
        variables.put(
                "WEBHOOKS_ALLOWED_HOSTS", environment.webhooksAllowedHosts().orElse("localhost,127.0.0.1"));
        return variables;
    }

    /** From now on a service or the local broker that dies is reported and started again (ProcessWatch). */
    private void watchProcesses() {
        ProcessWatch watch = new ProcessWatch(RunningStack::say);
        for (ServiceProcess service : services.values()) {
            watch.watch(
                    new ProcessWatch.Watched(service.name(), service::isAlive, service::howItEnded, service::start));
        }
        if (kafka.isEmbedded()) {
            KafkaBroker broker = kafka;
            watch.watch(new ProcessWatch.Watched(
                    OutageControls.KAFKA, broker::isAlive, broker::howItEnded, broker::startAgain));
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
                throw notReadyInTime(pending);
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

    private StackStartException notReadyInTime(Set<ServiceProcess> pending) {
        StringBuilder message =
                new StringBuilder("Not ready after " + options.readyTimeout().toSeconds() + " s (--ready-timeout):");
        for (ServiceProcess service : pending) {
            message.append("\n\n")
                    .append(service.name())
                    .append(", last lines of ")
                    .append(service.log())
                    .append(":\n")
                    .append(service.logTail());
        }
        return new StackStartException(message.toString());
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

    // --- What callers (the launcher, integration tests, the benchmarks) use.

    public int servicePort(String name) {
        return service(name).port();
    }

    public List<String> serviceNames() {
        return List.copyOf(services.keySet());
    }

    /** The operating-system process id of the service's JVM, e.g. to read its resident memory. */
    public long servicePid(String name) {
        return service(name).pid();
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
    @Override
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
     * Starts the service again (stopping it first if it still runs) and waits until it is ready; answers how long it
     * took from launching its JVM to its readiness check answering UP. Holds the service meanwhile, so the watch
     * does not start it a second time.
     */
    public Duration restart(String name) {
        ServiceProcess service = service(name);
        try (Hold hold = processWatch.hold(name)) {
            if (service.isAlive()) {
                ServiceProcess.stopAll(List.of(service), SERVICE_STOP_GRACE);
            }
            Instant restartedAt = Instant.now();
            service.start();
            return awaitReady(List.of(service), restartedAt, restartedAt.plus(options.readyTimeout()));
        }
    }

    /**
     * Takes the stack's PostgreSQL, broker or services away and brings them back, as outages do, and tells whether
     * they are back: for the outage tests and the benchmark's outage drill.
     */
    public OutageControls outageControls() {
        return outageControls;
    }

    ServiceProcess service(String name) {
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
        close(SERVICE_STOP_GRACE);
    }

    /**
     * The same, giving the services {@code serviceGrace} to stop before they are killed: a service trained for an AOT
     * cache writes it as it exits, which takes longer than a plain stop.
     */
    public void close(Duration serviceGrace) {
        synchronized (this) {
            if (closing) {
                return;
            }
            closing = true;
        }
        try {
            stopComponents(serviceGrace);
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
    private void stopComponents(Duration serviceGrace) {
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
                        ServiceProcess.stopAll(List.copyOf(services.values()), serviceGrace);
                    }
                },
                () -> {
                    if (kafka != null) {
                        if (kafka.isEmbedded()) {
                            say("Stopping Kafka ...");
                        }
                        kafka.close();
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
