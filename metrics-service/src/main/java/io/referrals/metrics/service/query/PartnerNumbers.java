package io.referrals.metrics.service.query;

import io.referrals.metrics.entity.PartnerAmount;
import io.referrals.metrics.entity.PartnerMetrics;
import io.referrals.metrics.service.Measures;
import java.util.List;

/**
 * One partner's row, its money totals (per measure and currency) and, for a single partner, its last 12 months
 * (null in lists).
 */
public record PartnerNumbers(PartnerMetrics partner, List<PartnerAmount> amounts, List<MonthNumbers> months) {

    /** Program value of the partner's converted referrals, per currency. */
    public List<Amount> revenue() {
        return amounts(Measures.REVENUE);
    }

    /** Estimated value of the referrals given to the partner, where known, per currency. */
    public List<Amount> givenValue() {
        return amounts(Measures.GIVEN_VALUE);
    }

    private List<Amount> amounts(String measure) {
        return amounts.stream()
                .filter(a -> a.key.measure().equals(measure) && a.amount.signum() != 0)
                .map(a -> Amount.of(a.amount, a.key.currency()))
                .toList();
    }
}
