package io.referrals.metrics.service.query;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An exact amount in one currency; amounts in different currencies are never added up. */
@Schema(name = "Amount")
public record Amount(
        @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING, example = "3000.00")
        BigDecimal amount,

        @Schema(example = "USD") String currency) {

    public static Amount of(BigDecimal amount, String currency) {
        return new Amount(amount.setScale(2, RoundingMode.HALF_EVEN), currency);
    }
}
