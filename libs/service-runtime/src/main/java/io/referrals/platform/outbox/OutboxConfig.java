package io.referrals.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "platform.outbox")
public interface OutboxConfig {
    /** Relay events to Kafka from this instance. Several instances may relay; rows are locked, not shared. */
    @WithDefault("true")
    boolean relayEnabled();

    /** How often to look for unsent events when no commit has signalled any. */
    @WithDefault("500ms")
    Duration pollInterval();

    @WithDefault("200")
    int batchSize();

    /** How long sent events are kept for inspection before housekeeping deletes them. */
    @WithDefault("P7D")
    Duration retention();
}
