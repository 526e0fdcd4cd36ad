package io.referrals.metrics.rest;

import io.referrals.metrics.service.query.Breakdown;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Breakdown", description = "Referral numbers per group of partners or per channel.")
public record BreakdownView(@Schema(example = "category") String by, LocalDate from, LocalDate to, List<Group> groups)
        implements CsvTable {

    @Schema(name = "BreakdownGroup")
    public record Group(
            @Schema(
                    description = "Category, alliance type, stage, or channel (api, intake_link, portal, given)",
                    example = "professional")
            String key,

            @Schema(example = "10") long received,
            @Schema(example = "4") long converted,
            @Schema(example = "0.4") BigDecimal conversionRate,
            List<AmountView> revenue,

            @Schema(description = "Referrals given to partners of the group", example = "3")
            long given) {}

    static BreakdownView of(Breakdown breakdown) {
        return new BreakdownView(
                Wire.name(breakdown.by()),
                breakdown.from(),
                breakdown.to(),
                breakdown.groups().stream()
                        .map(g -> new Group(
                                g.key(),
                                g.received(),
                                g.converted(),
                                g.conversionRate(),
                                AmountView.of(g.revenue()),
                                g.given()))
                        .toList());
    }

    @Override
    public List<String> csvHeader() {
        return List.of("key", "received", "converted", "conversionRate", "revenue", "given");
    }

    @Override
    public List<List<Object>> csvRows() {
        return groups.stream()
                .map(g -> List.<Object>of(
                        g.key(),
                        g.received(),
                        g.converted(),
                        g.conversionRate() == null ? "" : g.conversionRate(),
                        AmountView.cell(g.revenue()),
                        g.given()))
                .toList();
    }
}
