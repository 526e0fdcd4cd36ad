package io.referrals.testing;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The clock of every {@code @QuarkusTest}: it replaces service-runtime's system clock (a default bean) and follows
 * real time until a test sets it. A test that depends on time sets it, steps it, and resets it when done, instead of
 * waiting for the time to come.
 */
@Singleton
public class TestClock extends Clock {
    private final AtomicReference<Instant> fixed = new AtomicReference<>();

    /** Stops the clock at {@code instant}. */
    public void set(Instant instant) {
        fixed.set(instant);
    }

    /** Moves the clock on; a clock following real time is stopped at now plus {@code duration}. */
    public void advance(Duration duration) {
        fixed.updateAndGet(current -> (current == null ? Instant.now() : current).plus(duration));
    }

    /** Follows real time again. */
    public void reset() {
        fixed.set(null);
    }

    @Override
    public Instant instant() {
        Instant current = fixed.get();
        return current == null ? Instant.now() : current;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }
}
