package io.referrals.metrics.entity;

import java.time.LocalDate;

/**
 * One day bucket: a scope (practice, partner, category, alliance, stage, channel) and its key, a measure, a currency
 * ("" for counts) and the practice-local day. Ordered, so that every transaction touches buckets in the same order.
 */
public record BucketKey(String scope, String key, String measure, String currency, LocalDate day)
        implements Comparable<BucketKey> {
    @Override
    public int compareTo(BucketKey other) {
        // By hand: this runs for every bucket a consumer batch writes.
        int order = scope.compareTo(other.scope);
        if (order == 0) {
            order = key.compareTo(other.key);
        }
        if (order == 0) {
            order = measure.compareTo(other.measure);
        }
        if (order == 0) {
            order = currency.compareTo(other.currency);
        }
        return order != 0 ? order : day.compareTo(other.day);
    }
}
