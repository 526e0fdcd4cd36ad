package io.referrals.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** What a benchmark measured: facts about the run, and one row of latencies per thing measured. */
public final class Report {
    private final String title;
    private final Map<String, Object> facts = new LinkedHashMap<>();
    private final List<Row> rows = new ArrayList<>();

    public Report(String title) {
        this.title = title;
        facts.put("cores", Runtime.getRuntime().availableProcessors());
    }

    /** One measured thing: how many, how fast, and the latency distribution in milliseconds. */
    public record Row(String name, long count, double perSecond, double p50, double p99, double max, long errors) {
        static Row of(String name, Histogram micros, double seconds, long errors) {
            return new Row(
                    name,
                    micros.getTotalCount(),
                    seconds > 0 ? micros.getTotalCount() / seconds : 0,
                    micros.getValueAtPercentile(50) / 1000.0,
                    micros.getValueAtPercentile(99) / 1000.0,
                    micros.getMaxValue() / 1000.0,
                    errors);
        }
    }

    public Report fact(String name, Object value) {
        facts.put(name, value);
        return this;
    }

    public Report row(Row row) {
        rows.add(row);
        return this;
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    public Map<String, Object> facts() {
        return Map.copyOf(facts);
    }

    public String table() {
        StringBuilder out = new StringBuilder("\n").append(title).append('\n');
        facts.forEach((name, value) -> out.append(String.format("  %-28s %s%n", name, value)));
        if (rows.isEmpty()) {
            return out.toString();
        }
        out.append(String.format(
                "%n%-44s %9s %9s %9s %9s %9s %7s%n",
                "measured", "count", "per s", "p50 ms", "p99 ms", "max ms", "errors"));
        for (Row row : rows) {
            out.append(String.format(
                    "%-44s %9d %9.1f %9.2f %9.2f %9.2f %7d%n",
                    row.name(), row.count(), row.perSecond(), row.p50(), row.p99(), row.max(), row.errors()));
        }
        return out.toString();
    }

    public void writeJson(Path file) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("title", title);
        json.put("facts", facts);
        json.put("rows", rows);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
