package io.referrals.metrics.service.query;

import java.util.List;
import java.util.stream.Collectors;

/** Amounts in one spreadsheet cell: "1500.00 USD; 200.50 EUR". */
public final class Amounts {
    private Amounts() {}

    public static String text(List<Amount> amounts) {
        return amounts.stream()
                .map(a -> a.amount().toPlainString() + " " + a.currency())
                .collect(Collectors.joining("; "));
    }
}
