package io.referrals.platform.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The one source of the current time for every service. Code that needs "now" injects {@link Clock} instead of
 * calling {@code Instant.now()}, so that tests can set or step time (test-support's {@code TestClock} replaces this
 * default bean) rather than wait for it.
 */
@Singleton
public class SystemClock {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
