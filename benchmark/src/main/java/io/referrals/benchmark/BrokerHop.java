package io.referrals.benchmark;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The broker's share of "event -> visible": a plain consumer of its own, on the benchmark's side, timing each record
 * from its timestamp (set when it was produced) to its arrival. What the service adds is the rest.
 */
final class BrokerHop implements AutoCloseable {
    private final KafkaConsumer<String, String> consumer;
    private final Recorder ages = new Recorder(3);
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread poller;

    /** Starts reading the topic's new records (from its end as it stands now). */
    BrokerHop(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class.getName()));
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolves the end now, before the flow starts
        poller = new Thread(this::poll, "broker-hop");
        poller.setDaemon(true);
        poller.start();
    }

    private void poll() {
        while (running.get()) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                long age = System.currentTimeMillis() - record.timestamp();
                ages.recordValue(TimeUnit.MILLISECONDS.toMicros(Math.max(0, age)));
            }
        }
    }

    /** Stops reading; answers the ages seen (microseconds). */
    Histogram stop() throws InterruptedException {
        running.set(false);
        poller.join(TimeUnit.SECONDS.toMillis(10));
        return ages.getIntervalHistogram();
    }

    @Override
    public void close() throws InterruptedException {
        if (running.get()) {
            stop();
        }
        consumer.close();
    }
}
