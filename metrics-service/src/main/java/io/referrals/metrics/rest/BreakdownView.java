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

            @Schema(
                    description = "Average days from receipt to conversion of the group's conversions in the range; "
                            + "null without conversions",
                    example = "12.5")
            BigDecimal averageDaysToConvert,

            @Schema(
                    description = "Average days from receipt to the first consultation booked, of the group's "
                            + "referrals first booked in the range (a referral booked again counts once); null "
                            + "without bookings",
                    example = "3.5")
            BigDecimal averageDaysToBook,

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
                                g.averageDaysToConvert(),
                                g.averageDaysToBook(),
                                AmountView.of(g.revenue()),
                                g.given()))
                        .toList());
    }

    @Override
    public List<String> csvHeader() {
        return List.of(
                "key",
                "received",
                "converted",
                "conversionRate",
                "averageDaysToConvert",
                "averageDaysToBook",
                "revenue",
                "given");
    }

    @Override
    public List<List<Object>> csvRows() {
        return groups.stream()
                .map(g -> List.<Object>of(
                        g.key(),
                        g.received(),
                        g.converted(),
                        g.conversionRate() == null ? "" : g.conversionRate(),
                        g.averageDaysToConvert() == null ? "" : g.averageDaysToConvert(),
                        g.averageDaysToBook() == null ? "" : g.averageDaysToBook(),
                        AmountView.cell(g.revenue()),
                        g.given()))
                .toList();
    }
}
