package io.referrals.platform.kafka;

import io.quarkus.runtime.StartupEvent;
import io.referrals.events.Topics;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

/**
 * Creates the service's topics with the configured partitions and replication instead of relying on
 * broker auto-creation, whose defaults (one partition) would cap consumer parallelism.
 */
@ApplicationScoped
public class TopicProvisioner {
    private static final Logger LOG = Logger.getLogger(TopicProvisioner.class);

    @Inject
    KafkaTopicsConfig config;

    @Inject
    KafkaClients kafka;

    /**
     * Retention as the topic's contract says, and with replicas a write acknowledged ({@code acks=all}, as the outbox
     * relay sends) only once it is on at least two of them (one fewer than the replicas, at most two): with replication
     * 3 one broker may be lost or restarted without losing an acknowledged event or refusing writes.
     */
    Map<String, String> configs(String topic) {
        Map<String, String> configs = new java.util.LinkedHashMap<>();
        configs.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(Topics.retentionMs(topic)));
        if (config.replicationFactor() > 1) {
            configs.put(
                    TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG,
                    Integer.toString(Math.min(2, config.replicationFactor() - 1)));
        }
        return configs;
    }

    /** The shared Kafka settings (security, SASL, truststore: {@link KafkaClients}), then its own timeouts. */
    Map<String, Object> adminProperties() {
        return kafka.admin(Map.of(
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000));
    }

    void provision(@Observes @Priority(1) StartupEvent startup) {
        List<String> wanted = config.topics().stream().filter(t -> !t.isBlank()).toList();
        if (!config.provision() || wanted.isEmpty()) {
            return;
        }
        try (Admin admin = Admin.create(adminProperties())) {
            Set<String> existing = admin.listTopics().names().get(15, TimeUnit.SECONDS);
            List<NewTopic> missing = wanted.stream()
                    .filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, config.partitions(), config.replicationFactor()).configs(configs(t)))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).values().forEach((topic, result) -> {
                    try {
                        result.get(15, TimeUnit.SECONDS);
                        LOG.infof("Created topic %s", topic);
                    } catch (ExecutionException e) {
                        if (e.getCause() instanceof TopicExistsException) {
                            LOG.debugf("Topic %s was created by another service first", topic);
                        } else {
                            LOG.warnf(
                                    "Topic %s not created: %s",
                                    topic, e.getCause().toString());
                        }
                    } catch (Exception e) {
                        LOG.warnf("Topic %s not created: %s", topic, e.toString());
                    }
                });
            }
        } catch (Exception e) {
            LOG.errorf("Could not provision topics %s (broker auto-creation applies): %s", wanted, e.toString());
        }
    }
}
