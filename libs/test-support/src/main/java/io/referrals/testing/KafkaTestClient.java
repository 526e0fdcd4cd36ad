package io.referrals.testing;

import io.referrals.events.CloudEvent;
import io.referrals.events.EventCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plain Kafka clients for tests: send raw records, and read a topic until what is expected arrives. */
public final class KafkaTestClient {
    private final String bootstrapServers;

    public KafkaTestClient(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public void send(String topic, String key, String value) {
        send(new ProducerRecord<>(topic, key, value));
    }

    /** Sends the event exactly as a service's outbox relay does: structured mode, with the binding's headers. */
    public void send(String topic, CloudEvent event) {
        var record = new ProducerRecord<>(topic, event.subject(), EventCodec.encode(event));
        event.kafkaHeaders()
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        send(record);
    }

    private void send(ProducerRecord<String, String> record) {
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class.getName()))) {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("Send to " + record.topic() + " failed", e);
        }
    }

    /** Reads {@code topic} from the beginning until {@code done} holds for the records seen, or the deadline. */
    public List<ConsumerRecord<String, String>> readUntil(
            String topic, Duration deadline, Predicate<List<ConsumerRecord<String, String>>> done) {
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class.getName()))) {
            consumer.subscribe(List.of(topic));
            Instant end = Instant.now().plus(deadline);
            while (Instant.now().isBefore(end) && !done.test(seen)) {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            }
        }
        return seen;
    }

    /** The CloudEvents on {@code topic} about one aggregate (the record key), read until {@code count} arrived. */
    public List<CloudEvent> eventsFor(String topic, String aggregateId, int count, Duration deadline) {
        Predicate<ConsumerRecord<String, String>> about = r -> aggregateId.equals(r.key());
        return readUntil(topic, deadline, seen -> seen.stream().filter(about).count() >= count).stream()
                .filter(about)
                .map(r -> EventCodec.decode(r.value()))
                .toList();
    }
}
