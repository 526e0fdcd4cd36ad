package io.referrals.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Per table of a service's schema: rows inserted and updated, index and sequential scans so far (PostgreSQL's cumulative
 * statistics, which backends report within a second or so). For a rough per-event figure that a burst test prints and
 * never asserts.
 */
public final class TableActivity {
    private final Map<String, long[]> counts;

    private TableActivity(Map<String, long[]> counts) {
        this.counts = counts;
    }

    /** The counts now, once the last transactions' statistics have had time to reach {@code pg_stat_user_tables}. */
    public static TableActivity of(DataSource dataSource) throws SQLException, InterruptedException {
        // No signal says the statistics arrived; they are printed only, so a short wait is enough.
        Thread.sleep(1_500);
        Map<String, long[]> counts = new TreeMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("""
                        select relname, n_tup_ins, coalesce(idx_scan, 0), coalesce(seq_scan, 0), n_tup_upd
                        from pg_stat_user_tables where schemaname = current_schema()""");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                counts.put(
                        rows.getString(1),
                        new long[] {rows.getLong(2), rows.getLong(3), rows.getLong(4), rows.getLong(5)});
            }
        }
        return new TableActivity(counts);
    }

    /** Prints what each table did since {@code before}, per event, each line starting with {@code label}. */
    public void printSince(TableActivity before, long events, String label) {
        counts.forEach((table, now) -> {
            long[] was = before.counts.getOrDefault(table, new long[4]);
            long inserted = now[0] - was[0];
            long indexScans = now[1] - was[1];
            long seqScans = now[2] - was[2];
            long updated = now[3] - was[3];
            if (inserted + indexScans + seqScans + updated > 0) {
                System.out.printf(
                        Locale.ROOT,
                        "%s   %-22s per event: %.2f inserted, %.2f updated, %.2f index scans, %.2f seq scans%n",
                        label,
                        table,
                        inserted / (double) events,
                        updated / (double) events,
                        indexScans / (double) events,
                        seqScans / (double) events);
            }
        });
    }
}
