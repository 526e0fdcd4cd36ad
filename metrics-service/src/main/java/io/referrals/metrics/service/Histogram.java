package io.referrals.metrics.service;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * Durations counted in log-scale bins (upper bounds 1, 2, 4 ... 8192 hours, then one open bin), so that medians come
 * from a few bucket rows instead of the referrals themselves. A median is the upper bound of the bin that holds it:
 * approximate, at most a factor of two above the exact value.
 */
public final class Histogram {
    public static final int BINS = 15;

    private Histogram() {}

    public static int bin(Duration duration) {
        double hours = Math.max(0, duration.toSeconds()) / 3600.0;
        for (int bin = 0; bin < BINS - 1; bin++) {
            if (hours <= upperHours(bin)) {
                return bin;
            }
        }
        return BINS - 1;
    }

    /** The bin's upper bound; the open last bin reports the last bound doubled. */
    public static long upperHours(int bin) {
        return 1L << bin;
    }

    /** The upper bound, in hours, of the bin holding the median of {@code counts}; null without any count. */
    public static Long medianHours(long[] counts) {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        if (total == 0) {
            return null;
        }
        long seen = 0;
        for (int bin = 0; bin < counts.length; bin++) {
            seen += counts[bin];
            if (seen * 2 >= total) {
                return upperHours(bin);
            }
        }
        return upperHours(counts.length - 1);
    }

    public static BigDecimal hoursToDays(Long hours) {
        return hours == null
                ? null
                : BigDecimal.valueOf(hours).divide(BigDecimal.valueOf(24), 1, java.math.RoundingMode.HALF_EVEN);
    }
}
