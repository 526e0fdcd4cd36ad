package io.referrals.benchmark;

import io.referrals.events.CloudEvent;
import io.referrals.events.EventCodec;
import io.referrals.events.EventTypes;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes events as the services' outbox relays do (structured CloudEvents keyed by aggregate, the binding's
 * headers, acks=all), batched for speed. The topic is the event type's own.
 */
final class EventSender implements AutoCloseable {
    private final KafkaProducer<String, String> producer;
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    /** Batches for throughput: for seeding. */
    EventSender(String bootstrapServers) {
        this(bootstrapServers, 10);
    }

    /** {@code lingerMs} 0 sends each event at once: for latency probes. */
    EventSender(String bootstrapServers, int lingerMs) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.LINGER_MS_CONFIG,
                lingerMs,
                ProducerConfig.BATCH_SIZE_CONFIG,
                256 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG,
                "lz4",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class.getName()));
    }

    /** Sends without waiting; a failure is raised by the next {@link #flush()}. */
    Future<RecordMetadata> send(CloudEvent event) {
        String topic = EventTypes.byCloudEventType(event.type())
                .orElseThrow(() -> new IllegalArgumentException("Unknown event type " + event.type()))
                .topic();
        var record = new ProducerRecord<>(topic, event.subject(), EventCodec.encode(event));
        event.kafkaHeaders()
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return producer.send(record, (metadata, error) -> {
            if (error != null) {
                failure.compareAndSet(null, error);
            }
        });
    }

    void flush() {
        producer.flush();
        Exception error = failure.get();
        if (error != null) {
            throw new IllegalStateException("Sending events failed", error);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
