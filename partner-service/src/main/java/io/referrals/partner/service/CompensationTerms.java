package io.referrals.partner.service;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.referrals.events.CompensationType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the partner gets for a referral that converts, as sent and as answered. Amounts are exact decimals written
 * as strings, never floats.
 */
@Schema(
        name = "Compensation",
        description = "A percent for the percentage types, a flat fee for flat_fee, " + "nothing else for none")
public record CompensationTerms(
        @NotNull @Schema(example = "referral_fee_percent") CompensationType type,

        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) @JsonFormat(shape = JsonFormat.Shape.STRING)
        @Schema(
                type = SchemaType.STRING,
                description = "0 to 100, at most two decimals; required for "
                        + "referral_fee_percent, revenue_share_percent and client_discount_percent",
                example = "15.00")
        BigDecimal percent,

        @Valid @Schema(description = "Required for flat_fee")
        FlatFee flatFee) {

    @Schema(name = "FlatFee", description = "A fixed amount per converted referral")
    public record FlatFee(
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 15, fraction = 4) @JsonFormat(shape = JsonFormat.Shape.STRING)
            @Schema(type = SchemaType.STRING, description = "More than 0, at most four decimals", example = "150.0000")
            BigDecimal amount,

            @NotNull @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 4217 currency code") @Schema(description = "ISO 4217 code", example = "USD")
            String currency) {}
}
