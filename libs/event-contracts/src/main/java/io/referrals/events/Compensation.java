package io.referrals.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.Objects;

/** The compensation terms of an agreement: a percent for percentage kinds, an amount for a flat fee. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Compensation(
        CompensationType type,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal percent,
        Money flatFee) {
    public Compensation {
        Objects.requireNonNull(type, "type");
        if (type.isPercent() && percent == null) {
            throw new IllegalArgumentException(type.json() + " needs a percent");
        }
        if (type == CompensationType.FLAT_FEE && flatFee == null) {
            throw new IllegalArgumentException("flat_fee needs a flatFee amount");
        }
    }

    public static Compensation none() {
        return new Compensation(CompensationType.NONE, null, null);
    }
}
