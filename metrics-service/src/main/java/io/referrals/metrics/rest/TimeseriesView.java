package io.referrals.metrics.rest;

import io.referrals.metrics.service.query.Timeseries;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Timeseries", description = "One metric per calendar period, zero-filled; money per currency.")
public record TimeseriesView(
        @Schema(example = "received") String metric,
        @Schema(example = "month") String interval,
        LocalDate from,
        LocalDate to,
        List<Point> points)
        implements CsvTable {

    @Schema(name = "TimeseriesPoint")
    public record Point(
            @Schema(description = "First day of the week (Monday) or month", example = "2026-03-01")
            LocalDate start,

            @Schema(description = "Currency of a money metric; null for counts", example = "USD")
            String currency,

            @Schema(example = "12") BigDecimal value) {}

    static TimeseriesView of(Timeseries series) {
        return new TimeseriesView(
                Wire.name(series.metric()),
                Wire.name(series.interval()),
                series.from(),
                series.to(),
                series.points().stream()
                        .map(p -> new Point(p.start(), p.currency(), p.value()))
                        .toList());
    }

    @Override
    public List<String> csvHeader() {
        return List.of("start", "currency", "value");
    }

    @Override
    public List<List<Object>> csvRows() {
        return points.stream()
                .map(p -> List.<Object>of(p.start(), p.currency() == null ? "" : p.currency(), p.value()))
                .toList();
    }
}
