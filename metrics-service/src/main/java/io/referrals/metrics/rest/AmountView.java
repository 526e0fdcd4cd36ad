package io.referrals.metrics.rest;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.referrals.metrics.service.query.Amount;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An exact amount in one currency, as a string so that no client reads it as a float. */
@Schema(name = "Amount")
public record AmountView(
        @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING, example = "3000.00")
        BigDecimal amount,

        @Schema(example = "USD") String currency) {

    static List<AmountView> of(List<Amount> amounts) {
        return amounts.stream()
                .map(a -> new AmountView(a.amount(), a.currency()))
                .toList();
    }

    /** Amounts in one spreadsheet cell: "1500.00 USD; 200.50 EUR". */
    static String cell(List<AmountView> amounts) {
        return amounts.stream()
                .map(a -> a.amount().toPlainString() + " " + a.currency())
                .collect(Collectors.joining("; "));
    }
}
