package io.referrals.platform.inbox;

import io.referrals.platform.tracing.TraceParent;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;

/**
 * The one shape of a subscription: a subclass lists the events it handles in {@link #routes} and receives the topic's
 * records a poll at a time ({@code ConsumerRecords<String, String>}, so that the inbox knows the topic each came from)
 * in a method annotated {@code @Incoming("<channel>") @Blocking(ordered = true)} that calls {@link #consumeBatch}: one
 * transaction per poll. Channel settings (batches, string values, earliest offset, consumer group, dead-letter topic)
 * are shared defaults in service-runtime, so a service names only the channel's topic:
 * {@code mp.messaging.incoming.referral-events.topic=referral.events}.
 */
public abstract class EventConsumer {
    @Inject
    Inbox inbox;

    private volatile EventRouter router;

    /** Adds a handler for each event contract this subscription applies. */
    protected abstract void routes(EventRouter router);

    /** Applies a polled batch exactly once per event, in one transaction, through the {@link Inbox}. */
    protected void consumeBatch(ConsumerRecords<String, String> batch) {
        List<InboundRecord> records = new ArrayList<>(batch.count());
        batch.forEach(record -> records.add(inbound(record)));
        inbox.consumeAll(records, router());
    }

    private static InboundRecord inbound(ConsumerRecord<String, String> record) {
        return new InboundRecord(
                record.topic(),
                record.partition(),
                record.offset(),
                record.key(),
                record.value(),
                record.timestamp(),
                TraceParent.stored(header(record, TraceParent.TRACEPARENT), header(record, TraceParent.TRACESTATE)));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private EventRouter router() {
        EventRouter current = router;
        if (current == null) {
            current = new EventRouter();
            routes(current);
            router = current;
        }
        return current;
    }
}
