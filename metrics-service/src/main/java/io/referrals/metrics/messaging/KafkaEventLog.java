package io.referrals.metrics.messaging;

import io.referrals.events.Topics;
import io.referrals.metrics.service.rebuild.EventLog;
import io.referrals.platform.kafka.KafkaClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads partner.events, referral.events and notification.events (campaign asks sent) with a plain consumer: every partition assigned, no consumer group (so
 * nothing is committed and the live consumers' positions are untouched), from offset 0. Needs the topics' whole
 * history: they are created with retention.ms=-1 (Topics.retentionMs).
 */
@ApplicationScoped
public class KafkaEventLog implements EventLog {
    private static final List<String> TOPICS =
            List.of(Topics.PARTNER_EVENTS, Topics.REFERRAL_EVENTS, Topics.NOTIFICATION_EVENTS);

    /** The service's shared Kafka settings (security, SASL, truststore), as its channels use. */
    @Inject
    KafkaClients kafka;

    @Override
    public Reader open(String tenantId) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(kafka.consumer(Map.of(
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                1000,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class.getName())));
        List<TopicPartition> partitions = new ArrayList<>();
        TOPICS.forEach(topic -> consumer.partitionsFor(topic)
                .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition()))));
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return new TenantReader(consumer, partitions, tenantId);
    }

    private static final class TenantReader implements Reader {
        private final KafkaConsumer<String, String> consumer;
        private final List<TopicPartition> partitions;
        private final String tenantId;
        private Map<TopicPartition, Long> end = Map.of();

        TenantReader(KafkaConsumer<String, String> consumer, List<TopicPartition> partitions, String tenantId) {
            this.consumer = consumer;
            this.partitions = partitions;
            this.tenantId = tenantId;
        }

        @Override
        public void markEnd() {
            end = consumer.endOffsets(partitions);
        }

        @Override
        public List<String> next() {
            List<String> values = new ArrayList<>();
            while (values.isEmpty() && !reachedEnd()) {
                pauseAtEnd();
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                for (TopicPartition partition : records.partitions()) {
                    take(partition, records.records(partition), values);
                }
            }
            return values;
        }

        /** Keeps the tenant's records before the stop point; a record past it is read again after the next mark. */
        private void take(TopicPartition partition, List<ConsumerRecord<String, String>> records, List<String> into) {
            long stop = end.getOrDefault(partition, 0L);
            for (ConsumerRecord<String, String> record : records) {
                if (record.offset() >= stop) {
                    consumer.seek(partition, stop);
                    return;
                }
                if (isTenants(record)) {
                    into.add(record.value());
                }
            }
        }

        /** Partitions at their stop point are paused, so a poll never reads past it. */
        private void pauseAtEnd() {
            List<TopicPartition> done = partitions.stream()
                    .filter(p -> consumer.position(p) >= end.getOrDefault(p, 0L))
                    .toList();
            consumer.pause(done);
            consumer.resume(partitions.stream().filter(p -> !done.contains(p)).toList());
        }

        private boolean reachedEnd() {
            return partitions.stream().allMatch(p -> consumer.position(p) >= end.getOrDefault(p, 0L));
        }

        /** The tenant header every record carries; records without one are decoded and filtered by the caller. */
        private boolean isTenants(ConsumerRecord<String, String> record) {
            Header header = record.headers().lastHeader("ce_tenantid");
            return header == null || tenantId.equals(new String(header.value(), StandardCharsets.UTF_8));
        }

        @Override
        public void close() {
            consumer.close(Duration.ofSeconds(5));
        }
    }
}
