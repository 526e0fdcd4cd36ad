package io.referrals.benchmark;

import io.referrals.localstack.Environment;
import io.referrals.localstack.LocalStack;
import io.referrals.localstack.Options;
import io.referrals.localstack.RunningStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Trains each service's AOT cache on a realistic run instead of the build's start-up only:
 * {@code java -jar benchmark/target/benchmark.jar train-aot}. It starts the platform with every service recording
 * ({@code -XX:AOTCacheOutput}, beside the launcher's own JVM options, so the cache suits the options it will run with),
 * drives the practice's everyday work through the real APIs (partners created, referrals received from several clients
 * at once and moved along their lifecycle, the lists and metrics a dashboard reads; the consumers, the outbox relay and
 * the sender run as they do in use), then stops the services with time to write their caches, and puts each in place of
 * the build's ({@code target/quarkus-app/app.aot}). The launcher and the benchmarks use it from then on, until the next
 * build replaces it (the launcher refuses a cache older than its jars).
 */
final class AotTraining {
    static final String USAGE = """
              --seconds N       how long the workload runs (default 60)
              --clients N       concurrent intake clients (default 8)
              --partners N      partners created first (default 20)
              --data-dir DIR    the training stack's data (default target/aot-training-stack)
              --repo-root DIR   where the services are built (default .)
              --port-offset N   added to every port (default 4900)
              --json FILE       default target/aot-training.json""";

    private static final Map<String, String> DEFAULTS = Map.of(
            "seconds", "60",
            "clients", "8",
            "partners", "20",
            "data-dir", "target/aot-training-stack",
            "repo-root", ".",
            "port-offset", "4900",
            "json", "target/aot-training.json");

    /** Where each service writes its cache while training; moved over app.aot once complete. */
    private static final String TRAINED = "app.aot.trained";

    private static final Duration WRITE_CACHES = Duration.ofMinutes(5);

    record Settings(
            Duration duration, int clients, int partners, Path dataDir, Path repoRoot, int portOffset, Path jsonOut) {
        static Settings parse(String[] args) {
            Map<String, String> given = CommandLine.parse(args, DEFAULTS, USAGE);
            return new Settings(
                    Duration.ofSeconds(Long.parseLong(given.get("seconds"))),
                    Integer.parseInt(given.get("clients")),
                    Integer.parseInt(given.get("partners")),
                    Path.of(given.get("data-dir")),
                    Path.of(given.get("repo-root")),
                    Integer.parseInt(given.get("port-offset")),
                    Path.of(given.get("json")));
        }
    }

    private final Settings settings;
    private final HttpClient http = HttpClient.newHttpClient();

    AotTraining(Settings settings) {
        this.settings = settings;
    }

    Report run() throws Exception {
        Options options = CommandLine.platform(settings.dataDir(), settings.repoRoot(), settings.portOffset());
        Environment environment = options.environment();
        List<String> jvmOptions = new ArrayList<>(
                environment.serviceJvmOptions().isEmpty()
                        ? LocalStack.smallMachineJvmOptions()
                        : environment.serviceJvmOptions());
        jvmOptions.add("-XX:AOTCacheOutput=" + TRAINED);
        options = options.withEnvironment(environment.withServiceJvmOptions(String.join(" ", jvmOptions)));
        Report report = new Report("AOT cache training (" + settings.clients() + " clients, "
                + settings.duration().toSeconds() + " s; whole platform running)");
        report.fact("JDK", Runtime.version().toString());
        List<String> services;
        RunningStack stack = LocalStack.start(options);
        try {
            services = stack.serviceNames();
            deleteTrained(services);
            AtomicLong requests = workload(stack);
            report.fact("requests", requests.get());
            // The consumers catch up with what the workload produced before the services stop.
            Thread.sleep(10_000);
        } finally {
            System.out.println("Stopping the services; each writes its AOT cache as it exits ...");
            Instant stopping = Instant.now();
            stack.close(WRITE_CACHES);
            report.fact(
                    "caches written in s",
                    Duration.between(stopping, Instant.now()).toSeconds());
        }
        for (String service : services) {
            Path app = settings.repoRoot().resolve(service).resolve("target").resolve("quarkus-app");
            Path trained = app.resolve(TRAINED);
            if (Files.isRegularFile(trained) && Files.size(trained) > 0) {
                Files.move(trained, app.resolve("app.aot"), StandardCopyOption.REPLACE_EXISTING);
                report.fact(service + " AOT cache MB", Files.size(app.resolve("app.aot")) / 1_000_000);
            } else {
                report.fact(service + " AOT cache", "not written (see its log in " + settings.dataDir() + "/logs)");
            }
        }
        return report;
    }

    private void deleteTrained(List<String> services) throws Exception {
        for (String service : services) {
            Files.deleteIfExists(settings.repoRoot()
                    .resolve(service)
                    .resolve("target/quarkus-app")
                    .resolve(TRAINED));
        }
    }

    /** Intake from several clients, lifecycle steps and dashboard reads, until the time is up. */
    private AtomicLong workload(RunningStack stack) throws Exception {
        String tenant = "training-" + UUID.randomUUID();
        String token = stack.token(Duration.ofHours(2), tenant, "owner");
        IntakeClient intake =
                new IntakeClient(stack.servicePort("partner-service"), stack.servicePort("referral-service"), token);
        List<UUID> partners = new ArrayList<>();
        for (int i = 0; i < settings.partners(); i++) {
            partners.add(intake.createPartner(i));
        }
        AtomicLong requests = new AtomicLong();
        Instant end = Instant.now().plus(settings.duration());
        System.out.println("Training for " + settings.duration().toSeconds() + " s ...");
        try (ExecutorService pool = Executors.newFixedThreadPool(settings.clients() + 1)) {
            List<Future<?>> work = new ArrayList<>();
            for (int c = 0; c < settings.clients(); c++) {
                int client = c;
                work.add(pool.submit(() -> {
                    long n = 0;
                    while (Instant.now().isBefore(end)) {
                        HttpResponse<String> received = intake.referFrom(partners);
                        requests.incrementAndGet();
                        if (received.statusCode() == 201 && ++n % 4 == client % 4) {
                            String id = IntakeClient.body(received).get("id").asText();
                            moveAlong(stack, token, id);
                            requests.addAndGet(2);
                        }
                    }
                    return null;
                }));
            }
            work.add(pool.submit(() -> {
                while (Instant.now().isBefore(end)) {
                    dashboard(stack, token, partners);
                    requests.addAndGet(6);
                }
                return null;
            }));
            for (Future<?> done : work) {
                done.get();
            }
        }
        return requests;
    }

    private void moveAlong(RunningStack stack, String token, String referralId) throws Exception {
        int port = stack.servicePort("referral-service");
        send(port, "POST", "/api/referrals/" + referralId + "/status", "{\"status\":\"contacted\"}", token);
        send(
                port,
                "POST",
                "/api/referrals/" + referralId + "/status",
                "{\"status\":\"converted\",\"programValue\":\"1200.00\",\"currency\":\"USD\"}",
                token);
    }

    private void dashboard(RunningStack stack, String token, List<UUID> partners) throws Exception {
        UUID partner = partners.get((int) (System.nanoTime() % partners.size()));
        send(stack.servicePort("partner-service"), "GET", "/api/partners", null, token);
        send(stack.servicePort("referral-service"), "GET", "/api/referrals", null, token);
        send(stack.servicePort("metrics-service"), "GET", "/api/metrics/partners", null, token);
        send(stack.servicePort("metrics-service"), "GET", "/api/metrics/partners/" + partner, null, token);
        send(stack.servicePort("notification-service"), "GET", "/api/tasks", null, token);
        send(stack.servicePort("notification-service"), "GET", "/api/notifications", null, token);
    }

    private void send(int port, String method, String path, String json, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30));
        if (json == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 500) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode());
        }
    }
}
