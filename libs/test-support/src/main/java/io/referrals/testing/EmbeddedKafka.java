package io.referrals.testing;

import java.nio.file.Files;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real Kafka broker for tests: the one named by {@code KAFKA_BOOTSTRAP_SERVERS} when set, otherwise a
 * single-node KRaft cluster in this JVM (Kafka's own test kit), no Docker needed.
 *
 * <p>The broker's directory is ours, and the broker is closed when the JVM exits, before the directory goes. Left
 * to the test kit, the directory was deleted by a shutdown hook of its own while the broker still ran; a broker
 * that then touched its log saw every log directory fail and halted the JVM with status 1, which failed the
 * build after all tests had passed.
 */
public final class EmbeddedKafka implements AutoCloseable {
    private final KafkaClusterTestKit cluster;
    private final String bootstrapServers;

    private EmbeddedKafka(KafkaClusterTestKit cluster, String bootstrapServers) {
        this.cluster = cluster;
        this.bootstrapServers = bootstrapServers;
    }

    public static EmbeddedKafka start() {
        String external = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        if (external != null && !external.isBlank()) {
            return new EmbeddedKafka(null, external);
        }
        try {
            KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                            .setBaseDirectory(Files.createTempDirectory("kafka-"))
                            .setCombined(true)
                            .setNumBrokerNodes(1)
                            .setNumControllerNodes(1)
                            .build())
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("auto.create.topics.enable", "true")
                    .setConfigProp("num.partitions", "3")
                    .build();
            // The test kit's close() stops the broker, then deletes its directory.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(cluster), "embedded-kafka-shutdown"));
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new EmbeddedKafka(cluster, cluster.bootstrapServers());
        } catch (Exception e) {
            throw new IllegalStateException("Embedded Kafka did not start", e);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    private static void closeQuietly(KafkaClusterTestKit cluster) {
        try {
            cluster.close();
        } catch (Exception e) {
            System.err.println("Embedded Kafka did not close cleanly: " + e);
        }
    }

    @Override
    public void close() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }
}
