package io.referrals.platform.availability;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How a service behaves while a dependency is away. */
@ConfigMapping(prefix = "platform.availability")
public interface AvailabilityConfig {
    /**
     * The {@code Retry-After} of a 503 answered while the database is away: long enough that a crowd of retrying
     * clients does not keep the pool busy with hopeless attempts, short enough that a restart of a few seconds
     * costs clients little.
     */
    @WithDefault("5s")
    Duration retryAfter();

    /** How often, while the database is away, one connection attempt checks whether it is back. */
    @WithDefault("1s")
    Duration probeEvery();
}
