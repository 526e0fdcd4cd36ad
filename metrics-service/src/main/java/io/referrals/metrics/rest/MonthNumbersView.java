package io.referrals.metrics.rest;

import io.referrals.metrics.service.query.MonthNumbers;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MonthNumbers", description = "One partner's numbers in one local month")
public record MonthNumbersView(
        @Schema(example = "2026-03") String month,
        @Schema(example = "3") long received,
        @Schema(example = "1") long converted,
        @Schema(example = "2") long given,
        List<AmountView> revenue) {

    /** The months of a single-partner read; null (left out of the JSON) in lists. */
    static List<MonthNumbersView> of(List<MonthNumbers> months) {
        return months == null
                ? null
                : months.stream()
                        .map(m -> new MonthNumbersView(
                                m.month(), m.received(), m.converted(), m.given(), AmountView.of(m.revenue())))
                        .toList();
    }
}
