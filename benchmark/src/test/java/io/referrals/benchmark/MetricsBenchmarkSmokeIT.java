package io.referrals.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The metrics benchmark, seconds long: proves that it still runs end to end against the packaged service (seed,
 * every endpoint read, event -> visible measured). It asserts that everything was measured and answered, never how
 * fast: figures come from full runs, compared within one session.
 */
class MetricsBenchmarkSmokeIT {

    @Test
    void runsEveryStageAgainstThePackagedService() throws Exception {
        Path json = Path.of("target/benchmark-smoke.json");
        MetricsBenchmark.Settings settings = MetricsBenchmark.Settings.parse(
                "--referrals", "300",
                "--partners", "20",
                "--years", "1",
                "--readers", "2",
                "--read-seconds", "1",
                "--flow-rate", "20",
                "--flow-seconds", "2",
                "--data-dir", "target/benchmark-smoke-stack",
                "--repo-root", "..",
                "--port-offset", "4400",
                "--json", json.toString(),
                "--seed-timeout", "300");

        Report report = new MetricsBenchmark(settings).run();
        report.writeJson(json);

        assertEquals(13, report.rows().size(), report.table());
        for (Report.Row row : report.rows()) {
            assertTrue(row.count() > 0, row.name() + " measured nothing\n" + report.table());
            assertEquals(0, row.errors(), row.name() + " had errors\n" + report.table());
        }
        assertTrue(Files.size(json) > 0);
    }
}
