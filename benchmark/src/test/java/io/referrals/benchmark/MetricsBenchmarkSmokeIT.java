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
    void runsEveryStageAgainstThePackagedServiceAndMeasuresAKeptSeedAgain() throws Exception {
        Path json = Path.of("target/benchmark-smoke.json");
        Report report = new MetricsBenchmark(settings(json, false)).run();
        report.writeJson(json);
        assertEveryRowMeasured(report);
        assertTrue(Files.size(json) > 0);

        Report again = new MetricsBenchmark(settings(json, true)).run();
        assertEveryRowMeasured(again);
        assertEquals(report.facts().get("events seeded"), again.facts().get("events seeded"), again.table());
        assertEquals("kept from an earlier run", again.facts().get("seed"), again.table());
    }

    private static MetricsBenchmark.Settings settings(Path json, boolean keepSeed) {
        return MetricsBenchmark.Settings.parse(
                "--referrals", "300",
                "--partners", "20",
                "--years", "1",
                "--readers", "2",
                "--read-seconds", "1",
                "--flow-rate", "20",
                "--flow-seconds", "2",
                "--flow-warm-up", "1",
                "--read-warm-up", "1",
                "--data-dir", "target/benchmark-smoke-stack",
                "--repo-root", "..",
                "--port-offset", "4400",
                "--json", json.toString(),
                "--seed-timeout", "300",
                "--keep-seed", Boolean.toString(keepSeed));
    }

    private static void assertEveryRowMeasured(Report report) {
        assertEquals(18, report.rows().size(), report.table());
        for (Report.Row row : report.rows()) {
            assertTrue(row.count() > 0, row.name() + " measured nothing\n" + report.table());
            assertEquals(0, row.errors(), row.name() + " had errors\n" + report.table());
        }
    }
}
