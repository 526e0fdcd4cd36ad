package io.referrals.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The intake benchmark, seconds long: proves that every stage still runs against the packaged platform (partners,
 * warm-up, JDBC baseline, intake, consumers caught up, fixed rate, visibility in metrics, start times, memory). It
 * asserts that everything was measured and answered, never how fast: figures come from full runs, compared within
 * one session.
 */
class IntakeBenchmarkSmokeIT {

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
                "--json", json.toString());

        Report report = new IntakeBenchmark(settings).run();
        report.writeJson(json);

        assertEquals(4, report.rows().size(), report.table());
        for (Report.Row row : report.rows()) {
            assertTrue(row.count() > 0, row.name() + " measured nothing\n" + report.table());
            assertEquals(0, row.errors(), row.name() + " had errors\n" + report.table());
        }
        for (String service :
                new String[] {"partner-service", "referral-service", "metrics-service", "notification-service"}) {
            assertTrue(
                    report.facts().containsKey(service + " launch to ready, median ms"),
                    service + " start not measured\n" + report.table());
        }
        assertTrue(report.facts().containsKey("intake / JDBC baseline"), report.table());
        assertTrue(Files.size(json) > 0);
    }
}
