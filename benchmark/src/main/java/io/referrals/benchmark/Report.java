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
import java.util.Optional;
import org.HdrHistogram.Histogram;

/** What a benchmark measured: facts about the run, and one row of latencies per thing measured. */
public final class Report {
    private final String title;
    private final Map<String, Object> facts = new LinkedHashMap<>();
    private final List<Row> rows = new ArrayList<>();
    private final List<Table> tables = new ArrayList<>();

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

    /**
     * Figures that are no latency distribution (per process, per service, per delivery channel): a title, the column
     * names, and one row of values per thing, printed after the latency rows.
     */
    public record Table(String title, List<String> columns, List<List<Object>> rows) {
        public Table {
            columns = List.copyOf(columns);
            rows = rows.stream().map(row -> List.copyOf(row)).toList();
        }

        /** The row whose first column is {@code name}. */
        public Optional<List<Object>> row(String name) {
            return rows.stream().filter(row -> row.get(0).equals(name)).findFirst();
        }

        /** The value of {@code column} in the row named {@code name}. */
        public Optional<Object> value(String name, String column) {
            int index = columns.indexOf(column);
            return index < 0 ? Optional.empty() : row(name).map(row -> row.get(index));
        }

        String text() {
            int[] widths = new int[columns.size()];
            for (int i = 0; i < widths.length; i++) {
                widths[i] = columns.get(i).length();
                for (List<Object> row : rows) {
                    widths[i] = Math.max(widths[i], String.valueOf(row.get(i)).length());
                }
            }
            StringBuilder out = new StringBuilder("\n").append(title).append('\n');
            appendLine(out, widths, new ArrayList<>(columns));
            rows.forEach(row -> appendLine(out, widths, row));
            return out.toString();
        }

        private static void appendLine(StringBuilder out, int[] widths, List<?> values) {
            for (int i = 0; i < widths.length; i++) {
                String value = String.valueOf(values.get(i));
                // Names left, figures right.
                out.append(
                        i == 0
                                ? String.format("  %-" + widths[i] + "s", value)
                                : String.format("  %" + widths[i] + "s", value));
            }
            out.append('\n');
        }

        Map<String, Object> json() {
            List<Map<String, Object>> objects = new ArrayList<>();
            for (List<Object> row : rows) {
                Map<String, Object> object = new LinkedHashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    object.put(columns.get(i), row.get(i));
                }
                objects.add(object);
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("title", title);
            json.put("rows", objects);
            return json;
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

    public Report table(Table table) {
        tables.add(table);
        return this;
    }

    public List<Table> tables() {
        return List.copyOf(tables);
    }

    /** The table titled {@code title} starts with. */
    public Optional<Table> findTable(String title) {
        return tables.stream().filter(t -> t.title().startsWith(title)).findFirst();
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
        if (!rows.isEmpty()) {
            out.append(String.format(
                    "%n%-44s %9s %9s %9s %9s %9s %7s%n",
                    "measured", "count", "per s", "p50 ms", "p99 ms", "max ms", "errors"));
            for (Row row : rows) {
                out.append(String.format(
                        "%-44s %9d %9.1f %9.2f %9.2f %9.2f %7d%n",
                        row.name(), row.count(), row.perSecond(), row.p50(), row.p99(), row.max(), row.errors()));
            }
        }
        tables.forEach(table -> out.append(table.text()));
        return out.toString();
    }

    public void writeJson(Path file) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("title", title);
        json.put("facts", facts);
        json.put("rows", rows);
        if (!tables.isEmpty()) {
            json.put("tables", tables.stream().map(Table::json).toList());
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
