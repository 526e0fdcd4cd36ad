package io.referrals.metrics.service.query;

import io.referrals.metrics.service.Measures;
import io.referrals.platform.page.Page;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Reciprocity", description = "Referrals received from each partner against referrals given to it.")
public record Reciprocity(PracticeTotals totals, Page<Row> partners) implements CsvTable {
    /** Receiving at least this many ... */
    public static final int FLAG_MIN_RECEIVED = 3;
    /** ... and more than this many times what it gave flags a partner the practice gives too little to. */
    public static final int FLAG_RATIO = 3;

    @Schema(name = "ReciprocityTotals")
    public record PracticeTotals(
            @Schema(example = "40") long received,
            @Schema(example = "25") long given,

            @Schema(description = "Received minus given", example = "15")
            long balance,

            @Schema(description = "Program value of converted referrals received")
            List<Amount> receivedValue,

            @Schema(description = "Estimated value of referrals given, where known")
            List<Amount> givenValue) {}

    @Schema(name = "ReciprocityRow")
    public record Row(
            UUID partnerId,
            @Schema(example = "Dana Lee") String partnerName,
            @Schema(example = "6") long received,
            @Schema(example = "1") long given,

            @Schema(description = "Received minus given", example = "5")
            long balance,

            List<Amount> receivedValue,
            List<Amount> givenValue,

            @Schema(
                    description = "The practice received at least 3 referrals from the partner and gave it less than "
                            + "a third as many: give to get",
                    example = "true")
            boolean givesTooLittle) {

        static Row of(PartnerNumbers numbers) {
            var p = numbers.partner();
            boolean tooLittle =
                    p.referralsReceived >= FLAG_MIN_RECEIVED && p.referralsGiven * FLAG_RATIO < p.referralsReceived;
            return new Row(
                    p.partnerId,
                    p.partnerName,
                    p.referralsReceived,
                    p.referralsGiven,
                    p.balance,
                    numbers.amounts(Measures.REVENUE),
                    numbers.amounts(Measures.GIVEN_VALUE),
                    tooLittle);
        }
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
                        nullToEmpty(r.partnerName()),
                        r.received(),
                        r.given(),
                        r.balance(),
                        Amounts.text(r.receivedValue()),
                        Amounts.text(r.givenValue()),
                        r.givesTooLittle()))
                .toList();
    }

    static Object nullToEmpty(Object value) {
        return value == null ? "" : value;
    }
}
