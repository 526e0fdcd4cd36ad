package io.referrals.metrics.service.projection;

import io.referrals.metrics.entity.BucketKey;
import io.referrals.metrics.entity.BucketRepository;
import io.referrals.metrics.entity.PartnerAmountRepository;
import io.referrals.metrics.entity.PartnerMetrics;
import io.referrals.metrics.service.Measures;
import io.referrals.metrics.service.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Applies a fact's change to the buckets and to its partner's running totals: the contributions after the change
 * minus those before. The caller holds the partner's row lock.
 */
@ApplicationScoped
class BucketWriter {
    @Inject
    BucketRepository buckets;

    @Inject
    PartnerAmountRepository amounts;

    public <F> void change(PartnerMetrics partner, F fact, Function<F, Contributions> numbers, Consumer<F> change) {
        change(partner.tenantId, partner, fact, numbers, change);
    }

    /**
     * The same for a fact that may be nobody's yet ({@code partner} null: an inbound referral whose attribution is
     * unverified): then only the practice's own buckets change.
     */
    public <F> void change(
            String tenantId, PartnerMetrics partner, F fact, Function<F, Contributions> numbers, Consumer<F> change) {
        Contributions before = numbers.apply(fact);
        change.accept(fact);
        Map<BucketKey, BigDecimal> delta = numbers.apply(fact).minus(before);
        if (partner == null) {
            if (!delta.isEmpty()) {
                buckets.add(tenantId, delta);
            }
            return;
        }
        apply(partner, delta);
    }

    public void apply(PartnerMetrics partner, Map<BucketKey, BigDecimal> delta) {
        if (delta.isEmpty()) {
            return;
        }
        buckets.add(partner.tenantId, delta);
        PartnerDelta totals = new PartnerDelta();
        delta.forEach((key, value) -> {
            if (key.scope().equals(Scope.PARTNER)) {
                totals.add(partner, key, value);
            }
        });
        partner.addTotals(
                totals.received,
                totals.converted,
                totals.closed,
                totals.given,
                totals.daysToConvert,
                totals.booked,
                totals.daysToBook);
        if (totals.revenueChanged) {
            partner.topRevenue = amounts.largest(partner.tenantId, partner.partnerId, Measures.REVENUE);
        }
    }

    /** The partner-scope part of a delta, as changes of the partner's totals. */
    private final class PartnerDelta {
        long received;
        long converted;
        long closed;
        long given;
        BigDecimal daysToConvert = BigDecimal.ZERO;
        long booked;
        BigDecimal daysToBook = BigDecimal.ZERO;
        boolean revenueChanged;

        void add(PartnerMetrics partner, BucketKey key, BigDecimal value) {
            if (!key.currency().isEmpty()) {
                amounts.add(partner.tenantId, partner.partnerId, key.measure(), key.currency(), value);
                revenueChanged |= key.measure().equals(Measures.REVENUE);
                return;
            }
            switch (key.measure()) {
                case Measures.RECEIVED -> received += value.longValue();
                case Measures.CONVERTED -> converted += value.longValue();
                case Measures.GIVEN -> given += value.longValue();
                case Measures.CONVERT_DAYS -> daysToConvert = daysToConvert.add(value);
                case Measures.BOOKED -> booked += value.longValue();
                case Measures.BOOK_DAYS -> daysToBook = daysToBook.add(value);
                default -> closed += key.measure().startsWith("closed:") ? value.longValue() : 0;
            }
        }
    }

    /** Every bucket of a set of contributions, for a whole practice written afresh. */
    public void addAll(String tenantId, Contributions contributions) {
        buckets.add(tenantId, contributions.values());
    }
}
