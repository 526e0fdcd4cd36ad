package io.referrals.benchmark;

import io.referrals.events.Topics;
import io.referrals.localstack.LocalStack;
import io.referrals.localstack.Options;
import io.referrals.localstack.RunningStack;
import io.referrals.testing.EmbeddedDatabase;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * referral-service's intake with the whole platform running: how many referrals a second it takes from 32 clients
 * and whether every consumer keeps up, the same durable work done by plain JDBC as the yardstick, latency at a fixed
 * rate, how soon a referral shows in metrics, and each service's start time and resident memory.
 */
public final class IntakeBenchmark {
    /** Consumer groups of {@code referral.events} that must keep up with intake. */
    private static final List<String> CONSUMERS =
            List.of("partner-service", "metrics-service-v2", "notification-service");

    /** Every how many referrals of the visibility flow one is polled until metrics-service shows it. */
    private static final int PROBE_EVERY = 10;

    /** The services' database pool ({@code DB_POOL_MAX}, 16 by default): the baseline uses as many connections. */
    private static final int SERVICE_POOL_SIZE = 16;

    private final Settings settings;

    public IntakeBenchmark(Settings settings) {
        this.settings = settings;
    }

    /** What to run and where the stack lives. */
    public record Settings(
            int clients,
            Duration intakeDuration,
            Duration warmUp,
            int fixedRate,
            Duration fixedDuration,
            int visibleRate,
            Duration visibleDuration,
            int partners,
            int startRuns,
            Path dataDir,
            Path repoRoot,
            int portOffset,
            Path jsonOut,
            Duration deliveryWait) {
        static final String USAGE = """
                  --clients N          concurrent intake clients (default 32)
                  --seconds S          seconds of intake at full speed, and of the JDBC baseline (default 60)
                  --warm-up S          unmeasured intake first (default 15)
                  --fixed-rate N       referrals per second for the latency run (default 300)
                  --fixed-seconds S    seconds of it (default 30)
                  --visible-rate N     referrals per second while event -> visible in metrics is measured (default 100)
                  --visible-seconds S  seconds of it (default 30)
                  --partners N         partners the referrals come from (default 50)
                  --start-runs N       starts of each service, alone, for the median (default 5)
                  --data-dir DIR       the stack's data directory, wiped first (default target/benchmark-intake-stack)
                  --repo-root DIR      where the services are built (default .)
                  --port-offset N      ports of the benchmark's stack (default 4500: 12582 for referral-service)
                  --json FILE          where to write the report (default target/benchmark-intake.json)
                  --delivery-wait-seconds S  after the intake, how long to wait for its webhooks and thank-you
                                       mails to arrive before reporting what had not (default 120)""";

        private static final Map<String, String> DEFAULTS = Map.ofEntries(
                Map.entry("clients", "32"),
                Map.entry("seconds", "60"),
                Map.entry("warm-up", "15"),
                Map.entry("fixed-rate", "300"),
                Map.entry("fixed-seconds", "30"),
                Map.entry("visible-rate", "100"),
                Map.entry("visible-seconds", "30"),
                Map.entry("partners", "50"),
                Map.entry("start-runs", "5"),
                Map.entry("data-dir", "target/benchmark-intake-stack"),
                Map.entry("repo-root", "."),
                Map.entry("port-offset", "4500"),
                Map.entry("json", "target/benchmark-intake.json"),
                Map.entry("delivery-wait-seconds", "120"));

        static Settings parse(String... args) {
            Map<String, String> given = CommandLine.parse(args, DEFAULTS, USAGE);
            return new Settings(
                    Integer.parseInt(given.get("clients")),
                    Duration.ofSeconds(Long.parseLong(given.get("seconds"))),
                    Duration.ofSeconds(Long.parseLong(given.get("warm-up"))),
                    Integer.parseInt(given.get("fixed-rate")),
                    Duration.ofSeconds(Long.parseLong(given.get("fixed-seconds"))),
                    Integer.parseInt(given.get("visible-rate")),
                    Duration.ofSeconds(Long.parseLong(given.get("visible-seconds"))),
                    Integer.parseInt(given.get("partners")),
                    Integer.parseInt(given.get("start-runs")),
                    Path.of(given.get("data-dir")),
                    Path.of(given.get("repo-root")),
                    Integer.parseInt(given.get("port-offset")),
                    Path.of(given.get("json")),
                    Duration.ofSeconds(Long.parseLong(given.get("delivery-wait-seconds"))));
        }
    }

    public Report run() throws Exception {
        Options options = CommandLine.platform(settings.dataDir(), settings.repoRoot(), settings.portOffset());
        try (RunningStack stack = LocalStack.start(options)) {
            String tenant = "bench-" + UUID.randomUUID();
            IntakeClient intake = new IntakeClient(
                    stack.servicePort("partner-service"),
                    stack.servicePort("referral-service"),
                    stack.token(Duration.ofHours(12), tenant, "owner"));
            Report report = new Report("intake benchmark (" + settings.clients() + " clients, "
                    + settings.intakeDuration().toSeconds() + " s; whole platform running)");
            report.fact("platform ready in s", seconds(stack.startupTime()));
            report.table(JvmReport.table(stack));
            residentMemory(stack, "idle", report);
            List<UUID> partners = createPartners(stack, intake);

            System.out.println("Warming up for " + settings.warmUp().toSeconds() + " s ...");
            AtomicReference<HttpResponse<String>> sample = new AtomicReference<>();
            closedLoop("warm-up", intake, partners, settings.warmUp(), sample, null);
            awaitConsumers(stack, "warm-up", null);

            System.out.println("JDBC baseline for " + settings.intakeDuration().toSeconds() + " s ...");
            EmbeddedDatabase database = stack.database();
            Report.Row baseline = new JdbcBaseline(database.jdbcUrl(), database.user(), database.password(), "referral")
                    .measure(
                            UUID.fromString(
                                    IntakeClient.body(sample.get()).get("id").asText()),
                            IntakeClient.idempotencyKey(sample.get()),
                            SERVICE_POOL_SIZE,
                            settings.intakeDuration());
            report.row(baseline);

            try (Deliveries deliveries = new Deliveries(stack, intake.token())) {
                // Only now: the warm-up's referrals would otherwise queue ahead of the measured ones.
                deliveries.subscribe();
                System.out.println("Intake from " + settings.clients() + " clients for "
                        + settings.intakeDuration().toSeconds() + " s (webhook and thank-you mail on) ...");
                Optional<CpuPerReferral> cpu = CpuPerReferral.start(stack);
                long intakeStart = Clocks.epochMicros();
                Report.Row intakeRow = closedLoop(
                        "POST /api/referrals, " + settings.clients() + " clients",
                        intake,
                        partners,
                        settings.intakeDuration(),
                        sample,
                        deliveries);
                deliveries.intakeRan(intakeStart, Clocks.epochMicros());
                cpu.ifPresent(CpuPerReferral::intakeEnded);
                report.row(intakeRow);
                report.fact(
                        "intake / JDBC baseline",
                        String.format(Locale.ROOT, "%.2f", intakeRow.perSecond() / baseline.perSecond()));
                awaitConsumers(stack, "intake", report);
                cpu.ifPresent(CpuPerReferral::consumersCaughtUp);
                residentMemory(stack, "after intake", report);
                System.out.println("Waiting up to " + settings.deliveryWait().toSeconds()
                        + " s after the intake for its webhooks and mails ...");
                deliveries.awaitArrivals(settings.deliveryWait());
                cpu.ifPresent(c -> report.table(c.table(deliveries.referrals())));
                report.table(deliveries.table(settings.deliveryWait(), report));
            }

            System.out.println("Intake at " + settings.fixedRate() + "/s for "
                    + settings.fixedDuration().toSeconds() + " s ...");
            report.row(fixedRate(intake, partners));
            awaitConsumers(stack, "fixed rate", null);

            System.out.println("Event -> visible in metrics at " + settings.visibleRate() + "/s ...");
            report.row(visibility(stack, intake));

            startTimes(stack, report);
            return report;
        }
    }

    private List<UUID> createPartners(RunningStack stack, IntakeClient intake) throws Exception {
        List<UUID> partners = new ArrayList<>();
        for (int i = 0; i < settings.partners(); i++) {
            partners.add(intake.createPartner(i));
        }
        // referral-service accepts a partner once it has read its PartnerCreated.
        try (ConsumerLag lag =
                new ConsumerLag(stack.kafkaBootstrapServers(), "referral-service", List.of(Topics.PARTNER_EVENTS))) {
            lag.awaitCaughtUp(Duration.ofMinutes(2), partners.size());
        }
        return partners;
    }

    /**
     * {@code clients} threads post referrals for {@code duration}, each the next as soon as the last is answered;
     * latency in microseconds; anything but 201 is an error. Keeps one answered referral in {@code sample}, and tells
     * {@code deliveries} (if given) when each was answered.
     */
    private Report.Row closedLoop(
            String name,
            IntakeClient intake,
            List<UUID> partners,
            Duration duration,
            AtomicReference<HttpResponse<String>> sample,
            Deliveries deliveries)
            throws Exception {
        Recorder recorder = new Recorder(3);
        AtomicLong errors = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(settings.clients());
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < settings.clients(); i++) {
            running.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    long sent = System.nanoTime();
                    long answered = 0;
                    try {
                        HttpResponse<String> response = intake.referFrom(partners);
                        answered = System.nanoTime();
                        long answeredAt = deliveries == null ? 0 : Clocks.epochMicros();
                        if (response.statusCode() == 201) {
                            sample.set(response);
                            if (deliveries != null) {
                                deliveries.answered(
                                        UUID.fromString(IntakeClient.body(response)
                                                .get("id")
                                                .asText()),
                                        answeredAt);
                            }
                        } else {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    // Timed to the answer, not to the bookkeeping after it.
                    recorder.recordValue(((answered == 0 ? System.nanoTime() : answered) - sent) / 1000);
                }
                return null;
            }));
        }
        for (Future<?> client : running) {
            client.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        return Report.Row.of(name, recorder.getIntervalHistogram(), seconds, errors.get());
    }

    /**
     * Referrals sent at a fixed rate whatever the answers (open loop); each latency counts from when it was due, so a
     * stall shows in every request it delays.
     */
    private Report.Row fixedRate(IntakeClient intake, List<UUID> partners) throws Exception {
        Recorder recorder = new Recorder(3);
        AtomicLong errors = new AtomicLong();
        ExecutorService senders = Executors.newFixedThreadPool(64);
        long total = (long) settings.fixedRate() * settings.fixedDuration().toSeconds();
        long interval = TimeUnit.SECONDS.toNanos(1) / settings.fixedRate();
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long due = start + i * interval;
            sleepUntil(due);
            senders.submit(() -> {
                try {
                    if (intake.referFrom(partners).statusCode() != 201) {
                        errors.incrementAndGet();
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                }
                recorder.recordValue((System.nanoTime() - due) / 1000);
            });
        }
        senders.shutdown();
        senders.awaitTermination(2, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        return Report.Row.of(
                "POST /api/referrals at " + settings.fixedRate() + "/s",
                recorder.getIntervalHistogram(),
                seconds,
                errors.get());
    }

    /**
     * Referrals at a fixed rate, each from a referrer never seen before; one in {@link #PROBE_EVERY} is polled until
     * metrics-service counts it for that referrer, timed from the moment referral-service answered (its commit).
     */
    private Report.Row visibility(RunningStack stack, IntakeClient intake) throws Exception {
        URI metrics = URI.create("http://localhost:" + stack.servicePort("metrics-service"));
        HttpLoad http = new HttpLoad(intake.token());
        VisibilityProbes visible = new VisibilityProbes(http);
        AtomicLong errors = new AtomicLong();
        ExecutorService senders = Executors.newFixedThreadPool(32);
        long total = (long) settings.visibleRate() * settings.visibleDuration().toSeconds();
        long interval = TimeUnit.SECONDS.toNanos(1) / settings.visibleRate();
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            sleepUntil(start + i * interval);
            boolean probe = i % PROBE_EVERY == 0;
            senders.submit(() -> {
                try {
                    HttpResponse<String> response = intake.referFromSomeoneNew();
                    long answered = System.nanoTime();
                    if (response.statusCode() != 201) {
                        errors.incrementAndGet();
                    } else if (probe) {
                        String partner =
                                IntakeClient.body(response).get("partnerId").asText();
                        visible.add(metrics.resolve("/api/metrics/partners/" + partner), answered);
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                }
            });
        }
        senders.shutdown();
        senders.awaitTermination(3, TimeUnit.MINUTES);
        Histogram times = visible.finish();
        double seconds = (System.nanoTime() - start) / 1e9;
        return Report.Row.of(
                "referral -> visible in metrics at " + settings.visibleRate() + "/s",
                times,
                seconds,
                errors.get() + visible.errors());
    }

    /** How long each consumer of referral.events took, after the load stopped, to have read everything. */
    private static void awaitConsumers(RunningStack stack, String after, Report report) throws Exception {
        for (String group : CONSUMERS) {
            try (ConsumerLag lag =
                    new ConsumerLag(stack.kafkaBootstrapServers(), group, List.of(Topics.REFERRAL_EVENTS))) {
                Duration caughtUp = lag.awaitCaughtUp(Duration.ofMinutes(15), lag.lag());
                if (report != null) {
                    report.fact(group + " caught up after " + after + " in s", seconds(caughtUp));
                }
            }
        }
    }

    /** Each service started alone (the rest of the platform running), {@code startRuns} times: the median. */
    private void startTimes(RunningStack stack, Report report) {
        for (String service : stack.serviceNames()) {
            List<Duration> runs = new ArrayList<>();
            for (int i = 0; i < settings.startRuns(); i++) {
                runs.add(stack.restart(service));
            }
            runs.sort(null);
            report.fact(
                    service + " launch to ready, median ms",
                    runs.get(runs.size() / 2).toMillis());
        }
    }

    /** Resident memory (VmRSS) of each service's JVM, where the operating system tells it (Linux). */
    private static void residentMemory(RunningStack stack, String when, Report report) {
        for (String service : stack.serviceNames()) {
            Path status = Path.of("/proc/" + stack.servicePid(service) + "/status");
            try {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmRSS:")) {
                        long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                        report.fact(service + " resident MB, " + when, kb / 1024);
                    }
                }
            } catch (Exception e) {
                report.fact(
                        service + " resident MB, " + when,
                        "n/a (" + e.getClass().getSimpleName() + ")");
            }
        }
    }

    /** Seconds with one decimal. */
    private static double seconds(Duration duration) {
        return Math.round(duration.toMillis() / 100.0) / 10.0;
    }

    private static void sleepUntil(long due) throws InterruptedException {
        long wait = due - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
