package io.referrals.platform.inbox;

/** A consumed Kafka record as the inbox needs it: its value, and where it came from for the dead-letter topic. */
public record InboundRecord(String topic, int partition, long offset, String key, String value) {}
