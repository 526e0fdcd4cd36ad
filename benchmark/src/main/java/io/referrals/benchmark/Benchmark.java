package io.referrals.benchmark;

import io.referrals.localstack.LocalStack;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Runs a benchmark from the command line: {@code java -jar benchmark/target/benchmark.jar metrics [options]}. Each
 * benchmark starts the packaged services it needs through the local-stack launcher (its own data directory and
 * ports, so a running local stack is not disturbed), prints a table and writes JSON.
 */
public final class Benchmark {
    private Benchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !args[0].equals("metrics")) {
            System.err.println("usage: java -jar benchmark/target/benchmark.jar metrics [options]");
            System.err.println(MetricsBenchmark.Settings.USAGE);
            System.exit(2);
        }
        MetricsBenchmark.Settings settings = MetricsBenchmark.Settings.parse(Arrays.copyOfRange(args, 1, args.length));
        LocalStack.logToFile(settings.dataDir().resolve("logs").resolve("local-stack.log"));
        LocalStack.stopOnSignals(); // Ctrl-C stops the benchmark's stack too, in order
        Report report = new MetricsBenchmark(settings).run();
        System.out.println(report.table());
        Path json = settings.jsonOut();
        report.writeJson(json);
        System.out.println("JSON: " + json.toAbsolutePath());
        System.exit(0);
    }
}
