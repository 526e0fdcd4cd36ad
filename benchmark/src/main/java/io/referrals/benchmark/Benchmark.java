package io.referrals.benchmark;

import io.referrals.localstack.LocalStack;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;

/**
 * Runs a benchmark from the command line: {@code java -jar benchmark/target/benchmark.jar metrics|intake|outages|train-aot [options]}. Each
 * benchmark starts the packaged services it needs through the local-stack launcher (its own data directory and
 * ports, so a running local stack is not disturbed), prints a table and writes JSON.
 */
public final class Benchmark {
    private Benchmark() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true"); // see DeliveryReceiver
        String which = args.length == 0 ? "" : args[0];
        String[] options = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        Path dataDir;
        Path json;
        Callable<Report> benchmark;
        switch (which) {
            case "metrics" -> {
                MetricsBenchmark.Settings settings = MetricsBenchmark.Settings.parse(options);
                dataDir = settings.dataDir();
                json = settings.jsonOut();
                benchmark = new MetricsBenchmark(settings)::run;
            }
            case "intake" -> {
                IntakeBenchmark.Settings settings = IntakeBenchmark.Settings.parse(options);
                dataDir = settings.dataDir();
                json = settings.jsonOut();
                benchmark = new IntakeBenchmark(settings)::run;
            }
            case "outages" -> {
                OutageDrill.Settings settings = OutageDrill.Settings.parse(options);
                dataDir = settings.dataDir();
                json = settings.jsonOut();
                benchmark = new OutageDrill(settings)::run;
            }
            case "train-aot" -> {
                AotTraining.Settings settings = AotTraining.Settings.parse(options);
                dataDir = settings.dataDir();
                json = settings.jsonOut();
                benchmark = new AotTraining(settings)::run;
            }
            default -> {
                System.err.println(
                        "usage: java -jar benchmark/target/benchmark.jar metrics|intake|outages|train-aot [options]");
                System.err.println("metrics:\n" + MetricsBenchmark.Settings.USAGE);
                System.err.println("intake:\n" + IntakeBenchmark.Settings.USAGE);
                System.err.println("outages:\n" + OutageDrill.Settings.USAGE);
                System.err.println("train-aot:\n" + AotTraining.USAGE);
                System.exit(2);
                return;
            }
        }
        LocalStack.logToFile(dataDir.resolve("logs").resolve("local-stack.log"));
        LocalStack.stopOnSignals(); // Ctrl-C stops the benchmark's stack too, in order
        Report report = benchmark.call();
        System.out.println(report.table());
        report.writeJson(json);
        System.out.println("JSON: " + json.toAbsolutePath());
        System.exit(0);
    }
}
