package io.referrals.platform.inbox;

import io.referrals.platform.config.ServiceConfig;
import io.referrals.platform.kafka.KafkaTopicsConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
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
    KafkaTopicsConfig kafka;

    @Inject
    ServiceConfig service;

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
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            props.put(ProducerConfig.CLIENT_ID_CONFIG, service.name() + "-dead-letters");
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producer = new KafkaProducer<>(props);
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close();
        }
    }
}
