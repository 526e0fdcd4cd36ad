package io.referrals.platform.persistence;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Instants as PostgreSQL stores them (microseconds), so that a value written, announced in an event and read
 * back is the same value.
 */
public final class Timestamps {
    private Timestamps() {}

    /** The clock's current instant, truncated as the database will store it. */
    public static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    public static Instant stored(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }
}
