package io.referrals.metrics.service.query;

import io.referrals.metrics.entity.BucketRepository;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Bucket sums of one scope key, by measure and currency. */
final class Totals {
    private final Map<String, Map<String, BigDecimal>> values = new TreeMap<>();

    static Totals of(List<BucketRepository.MeasureTotal> rows) {
        Totals totals = new Totals();
        rows.forEach(row -> totals.add(row.measure(), row.currency(), row.value()));
        return totals;
    }

    void add(String measure, String currency, BigDecimal value) {
        values.computeIfAbsent(measure, m -> new TreeMap<>()).merge(currency, value, BigDecimal::add);
    }

    long count(String measure) {
        return values.getOrDefault(measure, Map.of())
                .getOrDefault("", BigDecimal.ZERO)
                .longValue();
    }

    long count(Collection<String> measures) {
        return measures.stream().mapToLong(this::count).sum();
    }

    BigDecimal sum(String measure) {
        return values.getOrDefault(measure, Map.of()).getOrDefault("", BigDecimal.ZERO);
    }

    List<Amount> amounts(String measure) {
        return values.getOrDefault(measure, Map.of()).entrySet().stream()
                .filter(e -> e.getValue().signum() != 0)
                .map(e -> Amount.of(e.getValue(), e.getKey()))
                .toList();
    }

    long[] counts(List<String> measures) {
        return measures.stream().mapToLong(this::count).toArray();
    }

    /** The mean of a summed measure over a counted one, one decimal; null when nothing was counted. */
    BigDecimal average(String sum, String count) {
        long n = count(count);
        return n == 0 ? null : sum(sum).divide(BigDecimal.valueOf(n), 1, RoundingMode.HALF_EVEN);
    }

    /** {@code part} over {@code whole}, 0 to 1 with four decimals; null when the whole is zero. */
    static BigDecimal rate(long part, long whole) {
        return whole == 0
                ? null
                : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_EVEN);
    }
}
