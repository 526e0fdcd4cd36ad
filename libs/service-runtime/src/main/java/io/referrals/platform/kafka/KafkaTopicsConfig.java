package io.referrals.platform.kafka;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

@ConfigMapping(prefix = "platform.kafka")
public interface KafkaTopicsConfig {
    /** Brokers, for the clients a service builds itself (outbox relay, topic provisioning). */
    String bootstrapServers();

    /** Topics this service produces to or consumes from; created at startup when missing. */
    @WithDefault("")
    List<String> topics();

    @WithDefault("3")
    int partitions();

    @WithDefault("1")
    short replicationFactor();
}
