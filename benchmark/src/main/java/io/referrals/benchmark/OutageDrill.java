package io.referrals.benchmark;

import io.referrals.events.Topics;
import io.referrals.localstack.LocalStack;
import io.referrals.localstack.Options;
import io.referrals.localstack.OutageControls;
import io.referrals.localstack.RunningStack;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * What a practice's integrations see when a dependency goes away under load, and what the platform holds afterwards:
 * {@code clients} clients post referrals, each with its own {@code Idempotency-Key}, retrying the same request on any
 * answer but 2xx, while PostgreSQL is killed whole (every process at once), or stopped for a while, or the broker is
 * stopped for a while. Then: how many referrals were acknowledged, stored by referral-service, counted by
 * metrics-service and thanked by notification-service, what the clients were answered meanwhile, whether any service
 * process was restarted, and how many records reached a dead-letter topic. Each scenario uses a partner of its own on
 * one platform started from nothing.
 */
public final class OutageDrill {
    private static final List<String> CONSUMERS =
            List.of("partner-service", "metrics-service-v2", "notification-service");
    private static final List<String> SERVICES =
            List.of("partner-service", "referral-service", "metrics-service", "notification-service");

    private final Settings settings;
    private final AtomicLong numbers = new AtomicLong();

    public OutageDrill(Settings settings) {
        this.settings = settings;
    }

    /** What to run. */
    public record Settings(
            List<String> scenarios,
            int referrals,
            int clients,
            Duration down,
            Path dataDir,
            Path repoRoot,
            int portOffset,
            Path jsonOut) {
        static final String USAGE = """
                  --scenarios LIST   any of kill-database, stop-database, stop-broker, comma-separated
                                     (default all three, in that order)
                  --referrals N      referrals per scenario (default 3000)
                  --clients N        concurrent clients (default 8)
                  --down-seconds S   how long the database or broker stays stopped (default 90; a kill is restarted
                                     by the run command's watch as soon as it notices)
                  --data-dir DIR     the stack's data directory, wiped first (default target/outage-drill-stack)
                  --repo-root DIR    where the services are built (default .)
                  --port-offset N    ports of the drill's stack (default 4700)
                  --json FILE        where to write the report (default target/outage-drill.json)""";

        private static final Map<String, String> DEFAULTS = Map.of(
                "scenarios", "kill-database,stop-database,stop-broker",
                "referrals", "3000",
                "clients", "8",
                "down-seconds", "90",
                "data-dir", "target/outage-drill-stack",
                "repo-root", ".",
                "port-offset", "4700",
                "json", "target/outage-drill.json");

        static Settings parse(String... args) {
            Map<String, String> given = CommandLine.parse(args, DEFAULTS, USAGE);
            List<String> scenarios = List.of(given.get("scenarios").split(","));
            for (String scenario : scenarios) {
                if (!List.of("kill-database", "stop-database", "stop-broker").contains(scenario)) {
                    throw new IllegalArgumentException("Unknown scenario " + scenario + "\n" + USAGE);
                }
            }
            return new Settings(
                    scenarios,
                    Integer.parseInt(given.get("referrals")),
                    Integer.parseInt(given.get("clients")),
                    Duration.ofSeconds(Long.parseLong(given.get("down-seconds"))),
                    Path.of(given.get("data-dir")),
                    Path.of(given.get("repo-root")),
                    Integer.parseInt(given.get("port-offset")),
                    Path.of(given.get("json")));
        }
    }

    public Report run() throws Exception {
        Options options = CommandLine.platform(settings.dataDir(), settings.repoRoot(), settings.portOffset());
        try (RunningStack stack = LocalStack.start(options)) {
            String tenant = "drill-" + UUID.randomUUID();
            String token = stack.token(Duration.ofHours(12), tenant, "owner");
            IntakeClient intake = new IntakeClient(
                    stack.servicePort("partner-service"), stack.servicePort("referral-service"), token);
            Report report = new Report("outage drill (" + settings.referrals() + " referrals per scenario, "
                    + settings.clients() + " clients, down " + settings.down().toSeconds() + " s)");
            Map<String, Long> pids = pids(stack);
            for (String scenario : settings.scenarios()) {
                drill(stack, intake, new HttpLoad(token), scenario, report);
            }
            report.fact("service processes restarted", pids.equals(pids(stack)) ? "none" : "yes: " + pids(stack));
            report.fact("records on dead-letter topics", deadLetters(stack));
            return report;
        }
    }

    private void drill(RunningStack stack, IntakeClient intake, HttpLoad http, String scenario, Report report)
            throws Exception {
        UUID partner = intake.createPartner((int) numbers.incrementAndGet());
        awaitCaughtUp(stack, "referral-service", Topics.PARTNER_EVENTS);
        System.out.println(
                scenario + ": " + settings.referrals() + " referrals from " + settings.clients() + " clients ...");
        Map<String, AtomicLong> answers = new ConcurrentHashMap<>();
        AtomicLong acknowledged = new AtomicLong();
        AtomicLong next = new AtomicLong();
        ExecutorService clients = Executors.newFixedThreadPool(settings.clients());
        List<Future<?>> running = new ArrayList<>();
        long first = numbers.get() * 1_000_000L;
        for (int c = 0; c < settings.clients(); c++) {
            running.add(clients.submit(() -> {
                for (long n = next.getAndIncrement(); n < settings.referrals(); n = next.getAndIncrement()) {
                    postUntilAcknowledged(intake, partner, first + n, answers);
                    acknowledged.incrementAndGet();
                }
                return null;
            }));
        }
        String outage = outage(stack, scenario, acknowledged);
        for (Future<?> client : running) {
            client.get();
        }
        clients.shutdown();
        for (String group : CONSUMERS) {
            awaitCaughtUp(stack, group, Topics.REFERRAL_EVENTS);
        }
        report.fact(scenario + ": outage", outage);
        report.fact(scenario + ": answers seen by clients", new TreeMap<>(answers));
        report.fact(scenario + ": acknowledged", acknowledged.get());
        report.fact(
                scenario + ": stored",
                total(http, stack, "referral-service", "/api/referrals?size=1&partnerId=" + partner));
        report.fact(scenario + ": counted", counted(http, stack, partner));
        report.fact(
                scenario + ": thanked",
                total(
                        http,
                        stack,
                        "notification-service",
                        "/api/notifications?size=1&kind=referral_thank_you&partnerId=" + partner));
    }

    /** Waits until a third of the referrals are acknowledged, then takes the dependency away; says what it did. */
    private String outage(RunningStack stack, String scenario, AtomicLong acknowledged) throws Exception {
        while (acknowledged.get() < settings.referrals() / 3) {
            Thread.sleep(20);
        }
        long at = acknowledged.get();
        OutageControls controls = stack.outageControls();
        switch (scenario) {
            case "kill-database" -> {
                controls.killDatabase();
                long started = System.nanoTime();
                // The run command's watch notices and starts it again on the same data directory.
                long deadline = started + TimeUnit.MINUTES.toNanos(5);
                while (!controls.isDatabaseUp()) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("PostgreSQL was not started again within 5 minutes");
                    }
                    Thread.sleep(50);
                }
                return String.format(
                        "every PostgreSQL process killed after %d acknowledged; up again after %.1f s",
                        at, (System.nanoTime() - started) / 1e9);
            }
            case "stop-database" -> {
                controls.stopDatabase();
                Thread.sleep(settings.down().toMillis());
                controls.startDatabase();
                return "PostgreSQL stopped " + settings.down().toSeconds() + " s after " + at + " acknowledged";
            }
            default -> {
                controls.stopBroker();
                Thread.sleep(settings.down().toMillis());
                controls.startBroker();
                return "broker stopped " + settings.down().toSeconds() + " s after " + at + " acknowledged";
            }
        }
    }

    /** Sends referral {@code n} until it is acknowledged (2xx), as a retrying integration would. */
    private static void postUntilAcknowledged(
            IntakeClient intake, UUID partner, long n, Map<String, AtomicLong> answers) throws InterruptedException {
        while (true) {
            String answer;
            long pause = 200;
            try {
                HttpResponse<String> response = intake.referral(partner, n);
                answer = Integer.toString(response.statusCode());
                if (response.statusCode() / 100 == 2) {
                    answers.computeIfAbsent(answer, a -> new AtomicLong()).incrementAndGet();
                    return;
                }
                pause = response.headers()
                        .firstValue("Retry-After")
                        .map(seconds -> Math.min(Long.parseLong(seconds) * 1000, 2000))
                        .orElse(pause);
            } catch (Exception e) {
                answer = e.getClass().getSimpleName();
            }
            answers.computeIfAbsent(answer, a -> new AtomicLong()).incrementAndGet();
            Thread.sleep(pause);
        }
    }

    private static long total(HttpLoad http, RunningStack stack, String service, String path) throws Exception {
        URI uri = URI.create("http://localhost:" + stack.servicePort(service) + path);
        HttpResponse<String> response = http.get(uri, "application/json");
        if (response.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return IntakeClient.JSON.readTree(response.body()).get("total").asLong();
    }

    private static long counted(HttpLoad http, RunningStack stack, UUID partner) throws Exception {
        URI uri = URI.create(
                "http://localhost:" + stack.servicePort("metrics-service") + "/api/metrics/partners/" + partner);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (true) {
            HttpResponse<String> response = http.get(uri, "application/json");
            if (response.statusCode() == 200) {
                return IntakeClient.JSON
                        .readTree(response.body())
                        .get("referralsReceived")
                        .asLong();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(uri + " answered " + response.statusCode());
            }
            Thread.sleep(200);
        }
    }

    private static void awaitCaughtUp(RunningStack stack, String group, String topic) throws Exception {
        try (ConsumerLag lag = new ConsumerLag(stack.kafkaBootstrapServers(), group, List.of(topic))) {
            lag.awaitCaughtUp(Duration.ofMinutes(15), lag.lag());
        }
    }

    private static Map<String, Long> pids(RunningStack stack) {
        Map<String, Long> pids = new TreeMap<>();
        for (String service : SERVICES) {
            pids.put(service, stack.servicePid(service));
        }
        return pids;
    }

    /** Records on every service's dead-letter topic (end offsets: nothing is ever removed from them here). */
    private static long deadLetters(RunningStack stack) throws Exception {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()))) {
            List<String> topics = admin.listTopics().names().get(15, TimeUnit.SECONDS).stream()
                    .filter(name -> name.endsWith(".dlq"))
                    .toList();
            Map<TopicPartition, OffsetSpec> ends = new LinkedHashMap<>();
            admin.describeTopics(topics)
                    .allTopicNames()
                    .get(15, TimeUnit.SECONDS)
                    .values()
                    .forEach(d -> d.partitions()
                            .forEach(p -> ends.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
            long total = 0;
            for (var end :
                    admin.listOffsets(ends).all().get(15, TimeUnit.SECONDS).values()) {
                total += end.offset();
            }
            return total;
        }
    }
}
