package io.referrals.metrics.rest;

import io.referrals.metrics.service.query.Reciprocity;
import io.referrals.platform.page.Page;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The ledger; its rows' class is named {@code Row} so that their page keeps its schema name, PageRow. */
@Schema(name = "Reciprocity", description = "Referrals received from each partner against referrals given to it.")
public record ReciprocityView(PracticeTotals totals, Page<Row> partners) implements CsvTable {

    @Schema(name = "ReciprocityTotals")
    public record PracticeTotals(
            @Schema(example = "40") long received,
            @Schema(example = "25") long given,

            @Schema(description = "Received minus given", example = "15")
            long balance,

            @Schema(description = "Program value of converted referrals received")
            List<AmountView> receivedValue,

            @Schema(description = "Estimated value of referrals given, where known")
            List<AmountView> givenValue) {}

    @Schema(name = "ReciprocityRow")
    public record Row(
            UUID partnerId,
            @Schema(example = "Dana Lee") String partnerName,
            @Schema(example = "6") long received,
            @Schema(example = "1") long given,

            @Schema(description = "Received minus given", example = "5")
            long balance,

            List<AmountView> receivedValue,
            List<AmountView> givenValue,

            @Schema(
                    description = "The practice received at least 3 referrals from the partner and gave it less than "
                            + "a third as many: give to get",
                    example = "true")
            boolean givesTooLittle) {}

    static ReciprocityView of(Reciprocity reciprocity) {
        Reciprocity.PracticeTotals t = reciprocity.totals();
        return new ReciprocityView(
                new PracticeTotals(
                        t.received(),
                        t.given(),
                        t.balance(),
                        AmountView.of(t.receivedValue()),
                        AmountView.of(t.givenValue())),
                reciprocity
                        .partners()
                        .map(r -> new Row(
                                r.partnerId(),
                                r.partnerName(),
                                r.received(),
                                r.given(),
                                r.balance(),
                                AmountView.of(r.receivedValue()),
                                AmountView.of(r.givenValue()),
                                r.givesTooLittle())));
    }

    @Override
    public List<String> csvHeader() {
        return List.of(
                "partnerId",
                "partnerName",
                "received",
                "given",
                "balance",
                "receivedValue",
                "givenValue",
                "givesTooLittle");
    }

    @Override
    public List<List<Object>> csvRows() {
        return partners.items().stream()
                .map(r -> List.<Object>of(
                        r.partnerId(),
                        r.partnerName() == null ? "" : r.partnerName(),
                        r.received(),
                        r.given(),
                        r.balance(),
                        AmountView.cell(r.receivedValue()),
                        AmountView.cell(r.givenValue()),
                        r.givesTooLittle()))
                .toList();
    }
}
