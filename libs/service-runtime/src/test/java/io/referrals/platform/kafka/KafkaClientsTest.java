package io.referrals.platform.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.kafka.client.runtime.KafkaRuntimeConfigProducer;
import io.quarkus.runtime.ApplicationConfig;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The clients a service builds itself get the same security settings as the SmallRye channels: built from the map
 * Quarkus makes of {@code kafka.*} and {@code KAFKA_*} (the one the channels use), not from the bootstrap address.
 */
public class KafkaClientsTest {
    /** A deployment against a SCRAM-SHA-512 listener over TLS, configured by environment variables as the README says. */
    public static final Map<String, String> SECURED_ENVIRONMENT = Map.of(
            "KAFKA_BOOTSTRAP_SERVERS", "referrals-kafka-bootstrap:9093",
            "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
            "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
            "KAFKA_SASL_JAAS_CONFIG",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" password=\"p\";",
            "KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/kafka-ca/ca.p12",
            "KAFKA_SSL_TRUSTSTORE_TYPE", "PKCS12",
            "KAFKA_TOPIC_PARTITIONS", "6");

    /** What the service's {@link KafkaClients} is made of at run time, from the same Quarkus producer. */
    public static KafkaClients securedClients() {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new EnvConfigSource(SECURED_ENVIRONMENT, 300))
                .withSources(new PropertiesConfigSource(
                        Map.of("kafka.bootstrap.servers", "${KAFKA_BOOTSTRAP_SERVERS:localhost:9092}"),
                        "defaults",
                        100))
                .build();
        ApplicationConfig application = new ApplicationConfig() {
            @Override
            public Optional<String> name() {
                return Optional.of("referral-service");
            }

            @Override
            public Optional<String> version() {
                return Optional.empty();
            }

            @Override
            public Optional<String> uiHeader() {
                return Optional.empty();
            }
        };
        return new KafkaClients(new KafkaRuntimeConfigProducer().createKafkaRuntimeConfig(config, application));
    }

    public static void assertSecured(Map<String, Object> client) {
        assertEquals("referrals-kafka-bootstrap:9093", client.get("bootstrap.servers"));
        assertEquals("SASL_SSL", client.get("security.protocol"));
        assertEquals("SCRAM-SHA-512", client.get("sasl.mechanism"));
        assertEquals(SECURED_ENVIRONMENT.get("KAFKA_SASL_JAAS_CONFIG"), client.get("sasl.jaas.config"));
        assertEquals("/etc/kafka-ca/ca.p12", client.get("ssl.truststore.location"));
        assertEquals("PKCS12", client.get("ssl.truststore.type"));
        // Not a client setting (the service's own KAFKA_TOPIC_PARTITIONS), nor a producer's or admin client's.
        assertFalse(client.containsKey("topic.partitions"));
        assertFalse(client.containsKey("group.id"));
    }

    @Test
    void theTopicProvisionersAdminClientConnectsAsTheChannelsDo() {
        TopicProvisioner provisioner = new TopicProvisioner();
        provisioner.kafka = securedClients();

        Map<String, Object> admin = provisioner.adminProperties();

        assertSecured(admin);
        assertEquals(10_000, admin.get("request.timeout.ms"));
    }

    @Test
    void aClientsOwnSettingsWinOverTheSharedOnes() {
        Map<String, Object> producer = securedClients().producer(Map.of("bootstrap.servers", "elsewhere:9092"));

        assertEquals("elsewhere:9092", producer.get("bootstrap.servers"));
        assertEquals("SASL_SSL", producer.get("security.protocol"));
    }

    @Test
    void aReaderThatAssignsItsPartitionsConnectsAsTheChannelsDoOutsideTheirGroup() {
        Map<String, Object> consumer = securedClients().consumer(Map.of("enable.auto.commit", false));

        assertSecured(consumer);
        assertEquals(false, consumer.get("enable.auto.commit"));
    }
}
