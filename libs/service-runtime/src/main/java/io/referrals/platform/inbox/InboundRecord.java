package io.referrals.platform.inbox;

import io.referrals.platform.tracing.TraceParent;

/**
 * A consumed Kafka record as the inbox needs it: its value, where it came from for the dead-letter topic, when it was
 * written (the record's timestamp, epoch milliseconds) for the event-age timers, and the context of the span that sent
 * it ({@code traceparent}/{@code tracestate} headers; null if it had none) for the consumer's span to continue.
 */
public record InboundRecord(
        String topic, int partition, long offset, String key, String value, long timestamp, TraceParent sentIn) {

    /** A record that carried no trace context. */
    public InboundRecord(String topic, int partition, long offset, String key, String value, long timestamp) {
        this(topic, partition, offset, key, value, timestamp, null);
    }
}
