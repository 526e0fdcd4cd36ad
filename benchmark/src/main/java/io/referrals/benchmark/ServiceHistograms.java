package io.referrals.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's Prometheus histograms ({@code /q/metrics} on its management port), read before and after a measured
 * period: what the service itself recorded in between, as percentiles. Each percentile is the upper bound of the
 * bucket it falls in (Micrometer's buckets are ~10 % apart), so these rows are coarser than the benchmark's own.
 */
final class ServiceHistograms {
    private static final Pattern BUCKET = Pattern.compile("(?m)^(\\w+)_bucket\\{([^}]*)} ([0-9.E+-]+)$");
    private static final Pattern LE = Pattern.compile("le=\"([^\"]+)\"");

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI metrics;

    ServiceHistograms(int managementPort) {
        this.metrics = URI.create("http://localhost:" + managementPort + "/q/metrics");
    }

    /** The service's metrics as they stand now. */
    Snapshot snapshot() throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(metrics + " answered " + response.statusCode());
        }
        return new Snapshot(response.body());
    }

    /** One reading of the metrics text. */
    record Snapshot(String text) {
        /** The cumulative count of each bucket (by upper bound in seconds) of a histogram whose labels hold all given. */
        NavigableMap<Double, Double> buckets(String histogram, String... labels) {
            NavigableMap<Double, Double> buckets = new TreeMap<>();
            Matcher line = BUCKET.matcher(text);
            while (line.find()) {
                if (!line.group(1).equals(histogram) || !hasAll(line.group(2), labels)) {
                    continue;
                }
                Matcher le = LE.matcher(line.group(2));
                if (le.find()) {
                    double bound =
                            le.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le.group(1));
                    buckets.merge(bound, Double.parseDouble(line.group(3)), Double::sum);
                }
            }
            return buckets;
        }

        private static boolean hasAll(String labelText, String... labels) {
            for (String label : labels) {
                if (!labelText.contains(label)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * A report row of what a histogram recorded between two snapshots: its count, rate and the 50th and 99th
     * percentiles in milliseconds; "max" is the upper bound of the highest bucket that gained a value.
     */
    static Report.Row row(
            String name, Snapshot before, Snapshot after, double seconds, String histogram, String... labels) {
        NavigableMap<Double, Double> start = before.buckets(histogram, labels);
        NavigableMap<Double, Double> end = after.buckets(histogram, labels);
        NavigableMap<Double, Double> gained = new TreeMap<>();
        end.forEach((bound, count) -> gained.put(bound, count - start.getOrDefault(bound, 0.0)));
        double total = gained.isEmpty() ? 0 : gained.lastEntry().getValue();
        double highest = 0;
        double below = 0;
        for (Map.Entry<Double, Double> bucket : gained.entrySet()) {
            if (bucket.getValue() > below) {
                highest = bucket.getKey();
            }
            below = bucket.getValue();
        }
        return new Report.Row(
                name,
                Math.round(total),
                seconds > 0 ? total / seconds : 0,
                percentile(gained, total, 0.50) * 1000,
                percentile(gained, total, 0.99) * 1000,
                highest * 1000,
                0);
    }

    private static double percentile(NavigableMap<Double, Double> cumulative, double total, double quantile) {
        if (total == 0) {
            return 0;
        }
        for (Map.Entry<Double, Double> bucket : cumulative.entrySet()) {
            if (bucket.getValue() >= quantile * total) {
                return bucket.getKey();
            }
        }
        return Double.POSITIVE_INFINITY;
    }
}
