package io.referrals.platform.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the {@link Inbox} waits out failures. */
@ConfigMapping(prefix = "platform.inbox")
public interface InboxConfig {
    /**
     * The longest pause between two attempts at the same events: pauses grow from 200 ms and stop growing here, so
     * that consumption resumes at most this long after a dependency is back, however long it was away.
     */
    @WithDefault("30s")
    Duration maxPause();

    /**
     * How long one attempt (one transaction) may run before the process counts as wedged and liveness says DOWN. An
     * attempt that fails because the database is away ends within the pool's acquisition timeout, so an outage of
     * any length never gets here; a handler stuck in a lock wait or an endless loop does.
     */
    @WithDefault("10m")
    Duration stuckAfter();
}
