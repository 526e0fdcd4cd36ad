package io.referrals.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The intake benchmark, seconds long: proves that every stage still runs against the packaged platform (partners,
 * warm-up, JDBC baseline, intake with its webhooks and thank-you mails, consumers caught up, CPU per referral, fixed
 * rate, visibility in metrics, start times, memory, each service's JDK and AOT cache). It
 * asserts that everything was measured and answered, never how fast: figures come from full runs, compared within
 * one session.
 */
class IntakeBenchmarkSmokeIT {
    private static final List<String> SERVICES =
            List.of("partner-service", "referral-service", "metrics-service", "notification-service");

    @Test
    void runsEveryStageAgainstThePackagedPlatform() throws Exception {
        Path json = Path.of("target/benchmark-intake-smoke.json");
        IntakeBenchmark.Settings settings = IntakeBenchmark.Settings.parse(
                "--clients", "2",
                "--seconds", "2",
                "--warm-up", "2",
                "--fixed-rate", "10",
                "--fixed-seconds", "2",
                "--visible-rate", "10",
                "--visible-seconds", "2",
                "--partners", "2",
                "--start-runs", "1",
                "--data-dir", "target/benchmark-intake-smoke-stack",
                "--repo-root", "..",
                "--port-offset", "4600",
                "--json", json.toString(),
                "--delivery-wait-seconds", "20");

        Report report = new IntakeBenchmark(settings).run();
        report.writeJson(json);
        System.out.println(report.table()); // in the failsafe report: what a run of seconds looks like

        assertEquals(4, report.rows().size(), report.table());
        for (Report.Row row : report.rows()) {
            assertTrue(row.count() > 0, row.name() + " measured nothing\n" + report.table());
            assertEquals(0, row.errors(), row.name() + " had errors\n" + report.table());
        }
        for (String service : SERVICES) {
            assertTrue(
                    report.facts().containsKey(service + " launch to ready, median ms"),
                    service + " start not measured\n" + report.table());
        }
        assertTrue(report.facts().containsKey("intake / JDBC baseline"), report.table());

        // Each service says which JDK runs it and whether its AOT cache was used (service-runtime's gauge).
        Report.Table jvms = report.findTable(JvmReport.TITLE).orElseThrow(() -> new AssertionError(report.table()));
        for (String service : SERVICES) {
            assertTrue(
                    List.of("used", "rejected", "none")
                            .contains(jvms.value(service, "AOT cache").orElseThrow()),
                    service + " did not report its AOT cache\n" + report.table());
            assertNotEquals("not reported", jvms.value(service, "JDK").orElseThrow(), report.table());
        }

        // The intake's webhooks and thank-you mails were counted as they arrived, and what did not arrive in time is
        // reported as missing (delivery is slow today; the smoke waits seconds only).
        Report.Table delivery = report.findTable("Delivery").orElseThrow(() -> new AssertionError(report.table()));
        for (String channel : new String[] {Deliveries.WEBHOOK, Deliveries.MAIL}) {
            long expected = number(delivery, channel, "expected");
            long arrived = number(delivery, channel, "arrived");
            assertTrue(expected > 0, channel + "\n" + report.table());
            assertTrue(arrived > 0, channel + " saw nothing arrive\n" + report.table());
            assertEquals(expected, arrived + number(delivery, channel, "missing"), report.table());
        }
        assertEquals(0L, report.facts().get("webhook deliveries refused (signature, body)"), report.table());

        // CPU per referral of every service, PostgreSQL, the broker and the load generator.
        Report.Table cpu = report.findTable("CPU per referral").orElseThrow(() -> new AssertionError(report.table()));
        for (String process : new String[] {
            "partner-service",
            "referral-service",
            "metrics-service",
            "notification-service",
            "PostgreSQL",
            "Kafka broker",
            "benchmark JVM"
        }) {
            assertTrue(
                    cpu.rows().stream().anyMatch(row -> row.get(0).toString().startsWith(process)),
                    process + " not measured\n" + report.table());
        }
        assertTrue(
                Double.parseDouble(cpu.value("all processes", "ms/referral, intake")
                                .orElseThrow()
                                .toString())
                        > 0,
                report.table());
        assertTrue(Files.size(json) > 0);
    }

    private static long number(Report.Table table, String row, String column) {
        return ((Number) table.value(row, column).orElseThrow()).longValue();
    }
}
