package io.referrals.platform.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.referrals.platform.config.ServiceConfig;
import io.referrals.platform.kafka.KafkaClients;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Parks a record of a batch channel on the service's dead-letter topic ({@code <service>.dlq}), with the headers the
 * connector's own dead-letter strategy writes. A batch channel cannot use that strategy: a nacked batch would park
 * every record of it, good ones included. Returns only once the broker has the record, so a parked record's offset
 * is committed after it is safe.
 */
@ApplicationScoped
public class DeadLetters {
    @Inject
    KafkaClients kafka;

    @Inject
    ServiceConfig service;

    @Inject
    MeterRegistry registry;

    private Producer<String, String> producer;

    public void park(InboundRecord record, Exception reason) {
        ProducerRecord<String, String> dead = new ProducerRecord<>(topic(), record.key(), record.value());
        header(dead, "dead-letter-reason", String.valueOf(reason.getMessage()));
        header(dead, "dead-letter-cause", reason.getClass().getName());
        header(dead, "dead-letter-topic", record.topic());
        header(dead, "dead-letter-partition", Integer.toString(record.partition()));
        header(dead, "dead-letter-offset", Long.toString(record.offset()));
        try {
            producer().send(dead).get(30, TimeUnit.SECONDS);
            // Counted once the broker has it: inbox_dead_letters_total, the dashboard's and DeadLettersParked's signal.
            registry.counter("inbox.dead.letters", "service", service.name(), "topic", record.topic())
                    .increment();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while parking a record", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not park a record on " + topic(), e);
        }
    }

    public String topic() {
        return service.name() + ".dlq";
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private synchronized Producer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(producerProperties());
        }
        return producer;
    }

    /** The shared Kafka settings (security, SASL, truststore: {@link KafkaClients}), then its own. */
    Map<String, Object> producerProperties() {
        Map<String, Object> own = new LinkedHashMap<>();
        own.put(ProducerConfig.CLIENT_ID_CONFIG, service.name() + "-dead-letters");
        own.put(ProducerConfig.ACKS_CONFIG, "all");
        own.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        own.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        own.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        own.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return kafka.producer(own);
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close();
        }
    }
}
