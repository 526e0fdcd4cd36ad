package io.referrals.platform.kafka;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

@ConfigMapping(prefix = "platform.kafka")
public interface KafkaTopicsConfig {
    /** Create missing topics at startup; off where the topics are managed elsewhere (Strimzi's KafkaTopics). */
    @WithDefault("true")
    boolean provision();

    /** Topics this service produces to or consumes from; created at startup when missing. */
    @WithDefault("")
    List<String> topics();

    @WithDefault("3")
    int partitions();

    @WithDefault("1")
    short replicationFactor();
}
