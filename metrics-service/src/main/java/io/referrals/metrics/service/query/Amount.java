package io.referrals.metrics.service.query;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** An exact amount in one currency, to the cent; amounts in different currencies are never added up. */
public record Amount(BigDecimal amount, String currency) {

    public static Amount of(BigDecimal amount, String currency) {
        return new Amount(amount.setScale(2, RoundingMode.HALF_EVEN), currency);
    }
}
