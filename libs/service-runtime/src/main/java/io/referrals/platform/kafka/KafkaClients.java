package io.referrals.platform.kafka;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The one Kafka client configuration of a service. The SmallRye channels read every {@code kafka.*} setting (and the
 * {@code KAFKA_*} environment variables, {@code KAFKA_SECURITY_PROTOCOL} → {@code security.protocol}) through Quarkus's
 * {@code default-kafka-broker} map; the clients a service builds itself (the outbox relay, the dead-letter producer,
 * the topic provisioner, metrics-service's replay reader) start from the same map, so that a secured listener (SASL, TLS, a truststore) serves all of
 * them. Without it the consumers would connect and event publishing would silently stop.
 *
 * <p>Each client takes the shared settings its kind knows (a consumer's {@code group.id} never reaches a producer,
 * Kafka would warn about it) and then its own settings, which win: the relay's {@code acks=all} is not configurable.
 */
@ApplicationScoped
public class KafkaClients {
    /** Read by Quarkus's TLS registry integration, not a Kafka setting: passed on with its engine factory. */
    static final String TLS_CONFIGURATION_NAME = "tls-configuration-name";

    private final Map<String, Object> shared;

    @Inject
    public KafkaClients(@Identifier("default-kafka-broker") Map<String, Object> shared) {
        this.shared = Map.copyOf(shared);
    }

    /** A producer's configuration: the shared settings a producer knows, then {@code own}. */
    public Map<String, Object> producer(Map<String, Object> own) {
        return forClient(ProducerConfig.configNames(), own);
    }

    /** An admin client's configuration: the shared settings an admin client knows, then {@code own}. */
    public Map<String, Object> admin(Map<String, Object> own) {
        return forClient(AdminClientConfig.configNames(), own);
    }

    /**
     * A consumer's configuration for a reader that assigns partitions itself: the shared settings a consumer knows but
     * the channels' consumer group (it commits nothing and must not join the group), then {@code own}.
     */
    public Map<String, Object> consumer(Map<String, Object> own) {
        Map<String, Object> config = forClient(ConsumerConfig.configNames(), Map.of());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.putAll(own);
        return config;
    }

    private Map<String, Object> forClient(Set<String> known, Map<String, Object> own) {
        Map<String, Object> config = new LinkedHashMap<>();
        shared.forEach((name, value) -> {
            if (known.contains(name) || name.equals(TLS_CONFIGURATION_NAME)) {
                config.put(name, value);
            }
        });
        config.putAll(own);
        return config;
    }
}
