package io.referrals.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The outage drill, small: its whole-PostgreSQL kill runs against the packaged platform and every acknowledged
 * referral is stored, counted and thanked once, with no service restarted and nothing dead-lettered. PostgreSQL and
 * the broker stopped for longer than the consumers' limits are local-stack's {@code OutagesIT}; the full drill (3,000
 * referrals, 90 s outages, all three scenarios) is run by hand and its figures go to the closing notes.
 */
class OutageDrillSmokeIT {

    @Test
    void everyAcknowledgedReferralIsStoredCountedAndThankedOnceAfterAWholePostgresKill() throws Exception {
        OutageDrill.Settings settings = OutageDrill.Settings.parse(
                "--scenarios", "kill-database",
                "--referrals", "90",
                "--clients", "4",
                "--data-dir", "target/outage-drill-smoke-stack",
                "--repo-root", "..",
                "--port-offset", "4800",
                "--json", "target/outage-drill-smoke.json");

        Report report = new OutageDrill(settings).run();
        report.writeJson(settings.jsonOut());

        for (String scenario : settings.scenarios()) {
            for (String figure : new String[] {"acknowledged", "stored", "counted", "thanked"}) {
                assertEquals(
                        90L,
                        report.facts().get(scenario + ": " + figure),
                        scenario + " " + figure + "\n" + report.table());
            }
        }
        assertEquals("none", report.facts().get("service processes restarted"), report.table());
        assertEquals(0L, report.facts().get("records on dead-letter topics"), report.table());
    }
}
