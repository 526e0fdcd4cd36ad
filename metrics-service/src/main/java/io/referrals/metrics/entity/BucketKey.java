package io.referrals.metrics.entity;

import java.time.LocalDate;
import java.util.Comparator;

/**
 * One day bucket: a scope (practice, partner, category, alliance, stage, channel) and its key, a measure, a currency
 * ("" for counts) and the practice-local day. Ordered, so that every transaction touches buckets in the same order.
 */
public record BucketKey(String scope, String key, String measure, String currency, LocalDate day)
        implements Comparable<BucketKey> {
    private static final Comparator<BucketKey> ORDER = Comparator.comparing(BucketKey::scope)
            .thenComparing(BucketKey::key)
            .thenComparing(BucketKey::measure)
            .thenComparing(BucketKey::currency)
            .thenComparing(BucketKey::day);

    @Override
    public int compareTo(BucketKey other) {
        return ORDER.compare(this, other);
    }
}
