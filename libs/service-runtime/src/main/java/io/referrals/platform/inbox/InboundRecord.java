package io.referrals.platform.inbox;

/**
 * A consumed Kafka record as the inbox needs it: its value, where it came from for the dead-letter topic, and when it
 * was written (the record's timestamp, epoch milliseconds) for the event-age timers.
 */
public record InboundRecord(String topic, int partition, long offset, String key, String value, long timestamp) {}
