package io.referrals.benchmark;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The practice a metrics benchmark seeded, written beside the stack's data so that a later run with
 * {@code --keep-seed true} can measure the same practice again without republishing its history.
 */
record SeedRecord(
        String tenant,
        int referrals,
        int partners,
        int years,
        long events,
        long publishedSeconds,
        long consumedSeconds) {
    private static final String FILE = "metrics-benchmark-seed.properties";

    /** The seed recorded in this data directory; fails when there is none to keep. */
    static SeedRecord read(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--keep-seed true: " + file + " is missing; seed " + dataDir
                    + " with a run without --keep-seed first");
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
        }
        return new SeedRecord(
                p.getProperty("tenant"),
                Integer.parseInt(p.getProperty("referrals")),
                Integer.parseInt(p.getProperty("partners")),
                Integer.parseInt(p.getProperty("years")),
                Long.parseLong(p.getProperty("events")),
                Long.parseLong(p.getProperty("publishedSeconds")),
                Long.parseLong(p.getProperty("consumedSeconds")));
    }

    /**
     * Removes the record of an earlier seed before a run that seeds anew: the stack cleans the data directory, and
     * refuses to when it holds files it did not create, as the record is.
     */
    static void forget(Path dataDir) throws IOException {
        Files.deleteIfExists(dataDir.resolve(FILE));
    }

    void write(Path dataDir) throws IOException {
        Properties p = new Properties();
        p.setProperty("tenant", tenant);
        p.setProperty("referrals", Integer.toString(referrals));
        p.setProperty("partners", Integer.toString(partners));
        p.setProperty("years", Integer.toString(years));
        p.setProperty("events", Long.toString(events));
        p.setProperty("publishedSeconds", Long.toString(publishedSeconds));
        p.setProperty("consumedSeconds", Long.toString(consumedSeconds));
        try (Writer out = Files.newBufferedWriter(dataDir.resolve(FILE))) {
            p.store(out, "the practice a metrics benchmark seeded (MetricsBenchmark --keep-seed)");
        }
    }

    /** The seed's figures; a kept seed's are those of the run that seeded it, and the report says so. */
    void report(Report report, boolean kept) {
        report.fact("events seeded", events)
                .fact("seed published in s", publishedSeconds)
                .fact("seed consumed in s", consumedSeconds)
                .fact("consumed events per s", consumedSeconds == 0 ? 0 : Math.round((double) events / consumedSeconds))
                .fact("seed", kept ? "kept from an earlier run" : "this run");
    }
}
