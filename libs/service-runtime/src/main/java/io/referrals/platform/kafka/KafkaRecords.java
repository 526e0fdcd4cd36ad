package io.referrals.platform.kafka;

import io.referrals.events.CloudEvent;
import io.referrals.events.EventCodec;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;

/** A CloudEvent as a Kafka record: keyed by its subject (the aggregate id), value in structured mode. */
public final class KafkaRecords {
    private KafkaRecords() {}

    public static ProducerRecord<String, String> of(String topic, CloudEvent event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, event.subject(), EventCodec.encode(event));
        event.kafkaHeaders()
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }
}
