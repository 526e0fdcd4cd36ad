package io.referrals.benchmark;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** How far a consumer group is behind the end of its topics, read from the broker as an operator would. */
final class ConsumerLag implements AutoCloseable {
    private final Admin admin;
    private final String group;
    private final List<String> topics;

    ConsumerLag(String bootstrapServers, String group, List<String> topics) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        this.group = group;
        this.topics = topics;
    }

    /** Records published but not yet consumed (committed) by the group, over every partition of the topics. */
    long lag() throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get(15, TimeUnit.SECONDS);
        var partitions = admin.describeTopics(topics).allTopicNames().get(15, TimeUnit.SECONDS).values().stream()
                .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                .collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                admin.listOffsets(partitions).all().get(15, TimeUnit.SECONDS);
        long lag = 0;
        for (var end : ends.entrySet()) {
            OffsetAndMetadata done = committed.get(end.getKey());
            lag += end.getValue().offset() - (done == null ? 0 : done.offset());
        }
        return lag;
    }

    /** Waits until the group has consumed everything, printing progress; fails after {@code timeout}. */
    Duration awaitCaughtUp(Duration timeout, long total) throws Exception {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long lastPrint = 0;
        while (true) {
            long lag = lag();
            long now = System.nanoTime();
            if (lag == 0) {
                return Duration.ofNanos(now - start);
            }
            if (now > deadline) {
                throw new IllegalStateException(group + " still " + lag + " events behind after " + timeout);
            }
            if (now - lastPrint > TimeUnit.SECONDS.toNanos(10)) {
                double seconds = (now - start) / 1e9;
                System.out.printf("  %s: %d of %d events left (%.0f s)%n", group, lag, total, seconds);
                lastPrint = now;
            }
            Thread.sleep(250);
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
