package io.referrals.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import io.referrals.events.PartnerStage;
import io.referrals.events.Topics;
import io.referrals.localstack.LocalStack;
import io.referrals.localstack.Options;
import io.referrals.localstack.Ports;
import io.referrals.localstack.RunningStack;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * metrics-service at any age: seeds one practice with years of referrals by publishing real events to the broker,
 * waits until metrics-service has consumed them all, then measures every read endpoint with concurrent readers and,
 * while new referrals flow at a fixed rate, how long an event takes to become visible through the API.
 */
public final class MetricsBenchmark {
    /** Every how many referrals of the flow one is polled until visible. */
    private static final int PROBE_EVERY = 10;

    /** metrics-service's consumer group (its application.properties names it). */
    private static final String GROUP = "metrics-service-v2";

    private final Settings settings;

    public MetricsBenchmark(Settings settings) {
        this.settings = settings;
    }

    /** What to run: sizes, concurrency and where the stack lives. */
    public record Settings(
            int referrals,
            int partners,
            int years,
            int readers,
            Duration readWarmUp,
            Duration readDuration,
            int flowRate,
            Duration flowDuration,
            Duration flowWarmUp,
            FlowFrom flowFrom,
            Path dataDir,
            Path repoRoot,
            int portOffset,
            Path jsonOut,
            Duration seedTimeout,
            boolean keepSeed) {
        static final String USAGE = """
                  --referrals N       referrals to seed (default 1000000)
                  --partners N        partners to seed (default 10000)
                  --years N           years of history (default 5)
                  --readers N         concurrent readers per endpoint (default 16)
                  --read-warm-up S    seconds every endpoint is read in turn, unmeasured, before the first is
                                      measured (default 60): in its first minute of traffic the service compiles
                                      its request path (HTTP, token, JSON) with the JIT's server compiler, which
                                      measured the compiler rather than the service
                  --read-seconds S    seconds each endpoint is read, after a quarter of that (at most 5) unmeasured
                                      to warm it up (default 20)
                  --flow-rate N       referrals per second while event -> visible is measured (default 200)
                  --flow-seconds S    seconds of that flow (default 30)
                  --flow-warm-up S    seconds of the same flow, unmeasured, before it (default 60): the broker and the
                                      service compile their produce, fetch and apply paths in their first minute of
                                      traffic, which the reads before did not exercise
                  --flow-from F       who the flow's referrals come from: seeded (default: the practice's partners,
                                      the busiest most often; each probe, one in 10, from a new partner so that its
                                      count shows it) or new (every referral from a partner never seen before: each
                                      creates its partner's rows and buckets, the worst case)
                  --data-dir DIR      the stack's data directory, wiped first (default target/benchmark-stack)
                  --repo-root DIR     where the services are built (default .)
                  --port-offset N     ports of the benchmark's stack (default 4300: 12383 for metrics-service)
                  --json FILE         where to write the report (default target/benchmark-metrics.json)
                  --seed-timeout S    how long metrics-service may take to consume the seed (default 7200)
                  --keep-seed B       true: measure the practice an earlier run seeded in the same --data-dir again
                                      (the stack restarts on its data, nothing is republished; the seed's figures are
                                      that run's), to compare builds without an hour of seeding (default false)""";

        private static final Map<String, String> DEFAULTS = Map.ofEntries(
                Map.entry("referrals", "1000000"),
                Map.entry("partners", "10000"),
                Map.entry("years", "5"),
                Map.entry("readers", "16"),
                Map.entry("read-warm-up", "60"),
                Map.entry("read-seconds", "20"),
                Map.entry("flow-rate", "200"),
                Map.entry("flow-seconds", "30"),
                Map.entry("flow-warm-up", "60"),
                Map.entry("flow-from", "seeded"),
                Map.entry("data-dir", "target/benchmark-stack"),
                Map.entry("repo-root", "."),
                Map.entry("port-offset", "4300"),
                Map.entry("json", "target/benchmark-metrics.json"),
                Map.entry("seed-timeout", "7200"),
                Map.entry("keep-seed", "false"));

        static Settings parse(String... args) {
            Map<String, String> given = CommandLine.parse(args, DEFAULTS, USAGE);
            return new Settings(
                    Integer.parseInt(given.get("referrals")),
                    Integer.parseInt(given.get("partners")),
                    Integer.parseInt(given.get("years")),
                    Integer.parseInt(given.get("readers")),
                    Duration.ofSeconds(Long.parseLong(given.get("read-warm-up"))),
                    Duration.ofSeconds(Long.parseLong(given.get("read-seconds"))),
                    Integer.parseInt(given.get("flow-rate")),
                    Duration.ofSeconds(Long.parseLong(given.get("flow-seconds"))),
                    Duration.ofSeconds(Long.parseLong(given.get("flow-warm-up"))),
                    FlowFrom.parse(given.get("flow-from")),
                    Path.of(given.get("data-dir")),
                    Path.of(given.get("repo-root")),
                    Integer.parseInt(given.get("port-offset")),
                    Path.of(given.get("json")),
                    Duration.ofSeconds(Long.parseLong(given.get("seed-timeout"))),
                    CommandLine.bool("keep-seed", given.get("keep-seed")));
        }
    }

    /** Who the flow's referrals come from (the probes always from new partners). */
    public enum FlowFrom {
        SEEDED,
        NEW;

        static FlowFrom parse(String value) {
            return switch (value) {
                case "seeded" -> SEEDED;
                case "new" -> NEW;
                default -> throw new IllegalArgumentException("--flow-from takes seeded or new, got " + value);
            };
        }
    }

    public Report run() throws Exception {
        SeedRecord kept = settings.keepSeed() ? SeedRecord.read(settings.dataDir()) : null;
        if (kept == null) {
            SeedRecord.forget(settings.dataDir());
        }
        Options options = Options.defaults()
                .withClean(kept == null)
                .withDataDir(settings.dataDir())
                .withRepoRoot(settings.repoRoot())
                .withPortOffset(settings.portOffset())
                .withServices(List.of("metrics-service"));
        // The package's JVM rather than the launcher's laptop settings; SERVICE_JVM_OPTIONS still wins, as it does for
        // the launcher.
        if (options.environment().serviceJvmOptions().isEmpty()) {
            options = options.withEnvironment(
                    options.environment().withServiceJvmOptions(PackagedJvm.options(settings.repoRoot())));
        }
        System.out.println("Starting metrics-service, PostgreSQL and Kafka in " + settings.dataDir() + " ...");
        try (RunningStack stack = LocalStack.start(options)) {
            String tenant = kept != null ? kept.tenant() : "bench-" + UUID.randomUUID();
            URI base = URI.create("http://localhost:" + stack.servicePort("metrics-service"));
            HttpLoad http = new HttpLoad(stack.token(Duration.ofHours(12), tenant, "owner"));
            SeedRecord seed = kept != null ? awaitKeptSeed(stack, kept) : seed(stack, tenant);
            Report report = new Report("metrics-service benchmark (" + seed.referrals() + " referrals, "
                    + seed.partners() + " partners, " + seed.years() + " years, " + settings.readers()
                    + " readers)");
            seed.report(report, kept != null);
            measureReads(http, base, seed.years(), report);
            measureVisibility(stack, http, base, tenant, report);
            return report;
        }
    }

    private SeedRecord seed(RunningStack stack, String tenant) throws Exception {
        Instant end = Instant.now();
        PracticeHistory history = new PracticeHistory(tenant, 42, end, Duration.ofDays(365L * settings.years()));
        long events = 0;
        long started = System.nanoTime();
        try (EventSender sender = new EventSender(stack.kafkaBootstrapServers())) {
            events += history.partners(settings.partners(), sender::send);
            for (int i = 0; i < settings.referrals(); i++) {
                events += history.referral(sender::send);
                if (i % 10 == 0) {
                    events += history.given(sender::send);
                    events += history.touchpoint(sender::send);
                }
            }
            sender.flush();
        }
        double publishSeconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("Published %d events in %.0f s; waiting for metrics-service ...%n", events, publishSeconds);
        try (ConsumerLag lag = new ConsumerLag(
                stack.kafkaBootstrapServers(), GROUP, List.of(Topics.PARTNER_EVENTS, Topics.REFERRAL_EVENTS))) {
            Duration consumed = lag.awaitCaughtUp(settings.seedTimeout(), events);
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("metrics-service caught up %d s after publishing ended%n", consumed.toSeconds());
            SeedRecord seed = new SeedRecord(
                    tenant,
                    settings.referrals(),
                    settings.partners(),
                    settings.years(),
                    events,
                    Math.round(publishSeconds),
                    Math.round(seconds));
            seed.write(settings.dataDir());
            return seed;
        }
    }

    /** A kept seed: metrics-service restarted on it first catches up with whatever the last run left unconsumed. */
    private SeedRecord awaitKeptSeed(RunningStack stack, SeedRecord kept) throws Exception {
        System.out.println("Measuring the practice seeded earlier in " + settings.dataDir() + " (" + kept.referrals()
                + " referrals); waiting until metrics-service has caught up ...");
        try (ConsumerLag lag = new ConsumerLag(
                stack.kafkaBootstrapServers(), GROUP, List.of(Topics.PARTNER_EVENTS, Topics.REFERRAL_EVENTS))) {
            lag.awaitCaughtUp(settings.seedTimeout(), lag.lag());
        }
        return kept;
    }

    private void measureReads(HttpLoad http, URI base, int years, Report report) throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("America/New_York"));
        String from = today.minusYears(years).toString();
        String to = today.toString();
        String range = "from=" + from + "&to=" + to;
        Map<String, String> endpoints = new LinkedHashMap<>();
        endpoints.put("summary " + years + "y", "/api/metrics/summary?" + range);
        endpoints.put(
                "timeseries received month " + years + "y",
                "/api/metrics/timeseries?metric=received&interval=month&" + range);
        endpoints.put(
                "timeseries revenue week 1y",
                "/api/metrics/timeseries?metric=revenue&interval=week&from=" + today.minusYears(1) + "&to=" + to);
        endpoints.put(
                "timeseries converted month, category",
                "/api/metrics/timeseries?metric=converted" + "&interval=month&category=professional&" + range);
        endpoints.put("partners leaderboard by received", "/api/metrics/partners?sort=received&order=desc&size=50");
        endpoints.put("partners leaderboard by revenue", "/api/metrics/partners?sort=revenue&order=desc&size=50");
        endpoints.put("breakdown by category", "/api/metrics/breakdown?by=category");
        endpoints.put("breakdown by channel", "/api/metrics/breakdown?by=channel");
        endpoints.put("reciprocity by balance", "/api/metrics/reciprocity?sort=balance");
        endpoints.put("funnel " + years + "y", "/api/metrics/funnel?" + range);
        endpoints.put("goals this month", "/api/metrics/goals?month=" + YearMonth.from(today));
        endpoints.put("dormant partners", "/api/metrics/dormant");
        endpoints.put("partner detail, busiest partner", "/api/metrics/partners/" + busiestPartner(http, base));
        List<URI> uris = new ArrayList<>();
        for (String path : endpoints.values()) {
            URI uri = base.resolve(path);
            int status = http.get(uri, "application/json").statusCode();
            if (status != 200) {
                throw new IllegalStateException(path + " answered " + status);
            }
            uris.add(uri);
        }
        System.out.println(
                "Warming up every endpoint in turn for " + settings.readWarmUp().toSeconds() + " s ...");
        http.measure("warm-up", uris, settings.readers(), settings.readWarmUp()); // not counted
        for (var endpoint : endpoints.entrySet()) {
            URI uri = base.resolve(endpoint.getValue());
            System.out.println("Reading " + endpoint.getKey() + " ...");
            http.measure(endpoint.getKey(), uri, settings.readers(), warmUp()); // compiled and cached, not counted
            report.row(http.measure(endpoint.getKey(), uri, settings.readers(), settings.readDuration()));
        }
    }

    /** The partner with the most referrals received: its detail holds the longest monthly series. */
    private static UUID busiestPartner(HttpLoad http, URI base) throws Exception {
        URI uri = base.resolve("/api/metrics/partners?sort=received&order=desc&size=1");
        HttpResponse<String> response = http.get(uri, "application/json");
        JsonNode first = IntakeClient.body(response).path("items").path(0);
        if (response.statusCode() != 200 || first.isMissingNode()) {
            throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return UUID.fromString(first.path("partnerId").asText());
    }

    /** Unmeasured reading before each endpoint's measurement: a quarter of its duration, at most 5 s. */
    private Duration warmUp() {
        Duration quarter = settings.readDuration().dividedBy(4);
        return quarter.compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5) : quarter;
    }

    /**
     * New referrals at a fixed rate, from the practice's partners (or each from a partner never seen before: {@code
     * --flow-from new}); one in {@link #PROBE_EVERY}, from a new partner, is polled until
     * the API shows it ({@link VisibilityProbes}: a few requests at a time, so the polling's load stays small). Beside
     * it, what metrics-service itself timed for every event of the flow: how old each was when its poll reached the
     * inbox and when its effect was committed, and its polls' transactions, which tells in which hop a delay is.
     */
    private void measureVisibility(RunningStack stack, HttpLoad http, URI base, String tenant, Report report)
            throws Exception {
        PracticeHistory probes = new PracticeHistory(tenant, 7, Instant.now(), Duration.ofDays(1));
        if (settings.flowFrom() == FlowFrom.SEEDED) {
            probes.knownPartners(seededPartners(http, base));
        }
        warmUpFlow(stack, probes, http, base);
        ServiceHistograms service = new ServiceHistograms(Ports.management(stack.servicePort("metrics-service")));
        ServiceHistograms.Snapshot before = service.snapshot();
        VisibilityProbes visible = new VisibilityProbes(http);
        System.out.println("Flowing " + settings.flowRate() + " referrals/s for "
                + settings.flowDuration().toSeconds() + " s, polling one in " + PROBE_EVERY + " until visible ...");
        long start = System.nanoTime();
        flow(stack, probes, settings.flowDuration(), polled(visible, base));
        Histogram visibleTimes = visible.finish();
        double seconds = (System.nanoTime() - start) / 1e9;
        awaitFlowApplied(stack); // the flow's last events too, polled or not
        ServiceHistograms.Snapshot after = service.snapshot();
        String flowName = "event -> visible at " + settings.flowRate() + "/s"
                + (settings.flowFrom() == FlowFrom.NEW ? ", all new partners" : "");
        report.row(Report.Row.of(flowName, visibleTimes, seconds, visible.errors()));
        String metricsService = "service=\"metrics-service\"";
        report.row(ServiceHistograms.row(
                "  written -> its poll at the inbox",
                before,
                after,
                seconds,
                "inbox_event_age_seconds",
                "stage=\"received\"",
                metricsService));
        report.row(ServiceHistograms.row(
                "  written -> its effect committed",
                before,
                after,
                seconds,
                "inbox_event_age_seconds",
                "stage=\"applied\"",
                metricsService));
        report.row(ServiceHistograms.row(
                "  a poll's transaction", before, after, seconds, "inbox_batch_seconds", metricsService));
        report.row(ServiceHistograms.row(
                "    of it waiting for the practice's lock",
                before,
                after,
                seconds,
                "inbox_batch_lock_wait_seconds",
                metricsService));
    }

    /** Every {@link #PROBE_EVERY}th referral of a flow, polled on its new partner's metrics until they count it. */
    private static Sent polled(VisibilityProbes visible, URI base) {
        return (index, partner, produced) -> {
            if (index % PROBE_EVERY == 0) {
                visible.add(base.resolve("/api/metrics/partners/" + partner), produced);
            }
        };
    }

    /**
     * The same flow, polled the same way, unmeasured, until metrics-service has applied it, so that its first seconds
     * (paths not yet compiled, statements not yet prepared) are not measured as its steady state: benchmark/README.md.
     */
    private void warmUpFlow(RunningStack stack, PracticeHistory probes, HttpLoad http, URI base) throws Exception {
        System.out.println("Warming up the flow for " + settings.flowWarmUp().toSeconds() + " s ...");
        VisibilityProbes unmeasured = new VisibilityProbes(http);
        flow(stack, probes, settings.flowWarmUp(), polled(unmeasured, base));
        unmeasured.finish();
        awaitFlowApplied(stack);
    }

    private static void awaitFlowApplied(RunningStack stack) throws Exception {
        try (ConsumerLag lag = new ConsumerLag(
                stack.kafkaBootstrapServers(), GROUP, List.of(Topics.PARTNER_EVENTS, Topics.REFERRAL_EVENTS))) {
            lag.awaitCaughtUp(Duration.ofMinutes(5), lag.lag());
        }
    }

    /** What the flow tells of each referral it has sent: its place in the flow, its new partner, when it was produced. */
    @FunctionalInterface
    private interface Sent {
        void sent(long index, UUID partner, long producedNanos);
    }

    /**
     * The practice's partners as metrics-service lists them, those of an active stage (the seed's; the flows' new
     * partners have none), busiest first: read back through the API, since a kept seed's ids were never stored.
     */
    private static List<UUID> seededPartners(HttpLoad http, URI base) throws Exception {
        Map<UUID, Long> received = new HashMap<>();
        for (PartnerStage stage : PracticeHistory.ACTIVE_STAGES) {
            for (int page = 0; ; page++) {
                URI uri = base.resolve("/api/metrics/partners?stage=" + stage.json() + "&size=200&page=" + page);
                HttpResponse<String> response = http.get(uri, "application/json");
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(
                            uri + " answered " + response.statusCode() + ": " + response.body());
                }
                JsonNode items = IntakeClient.body(response).path("items");
                items.forEach(item -> received.put(
                        UUID.fromString(item.path("partnerId").asText()),
                        item.path("referralsReceived").asLong()));
                if (items.size() < 200) {
                    break;
                }
            }
        }
        if (received.isEmpty()) {
            throw new IllegalStateException(
                    "metrics-service lists no partner of an active stage to flow referrals from");
        }
        List<UUID> busiestFirst = new ArrayList<>(received.keySet());
        busiestFirst.sort(Comparator.comparing(received::get).reversed());
        return busiestFirst;
    }

    /**
     * Referrals at the settings' rate for a while, paced from the flow's start: each probe, and with {@code
     * --flow-from new} every referral, from a new partner; the others from the practice's partners.
     */
    private void flow(RunningStack stack, PracticeHistory probes, Duration duration, Sent sent) throws Exception {
        long total = settings.flowRate() * duration.toSeconds();
        long interval = TimeUnit.SECONDS.toNanos(1) / settings.flowRate();
        long start = System.nanoTime();
        try (EventSender sender = new EventSender(stack.kafkaBootstrapServers(), 0)) {
            for (long i = 0; i < total; i++) {
                long wait = start + i * interval - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                boolean probe = i % PROBE_EVERY == 0 || settings.flowFrom() == FlowFrom.NEW;
                UUID partner = UUID.randomUUID();
                // From the moment the event is produced: the broker's hop is part of "event -> visible".
                long produced = System.nanoTime();
                Instant now = Instant.now(); // the load generator's wall clock, as the producer stamps the record
                sender.send(probe ? probes.probe(partner, now) : probes.fromPartners(now));
                sent.sent(i, partner, produced);
            }
            sender.flush();
        }
    }
}
