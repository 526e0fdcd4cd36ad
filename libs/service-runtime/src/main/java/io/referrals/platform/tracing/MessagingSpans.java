package io.referrals.platform.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;

/**
 * The spans of the event path, named and attributed by the OpenTelemetry semantic conventions for messaging
 * ({@code send <topic>}, {@code poll <topic>}, {@code process <topic>}; {@code messaging.*}, {@code cloudevents.*}): the
 * relay's send continues the request that recorded the event, each consumer's processing continues the send, so one
 * trace runs from an intake request through every service it reaches. Only ids, topics and types: never payloads.
 */
@ApplicationScoped
public class MessagingSpans {
    static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
    static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    static final AttributeKey<String> PARTITION = AttributeKey.stringKey("messaging.destination.partition.id");
    static final AttributeKey<String> OPERATION_TYPE = AttributeKey.stringKey("messaging.operation.type");
    static final AttributeKey<String> OPERATION_NAME = AttributeKey.stringKey("messaging.operation.name");
    static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
    static final AttributeKey<String> MESSAGE_KEY = AttributeKey.stringKey("messaging.kafka.message.key");
    static final AttributeKey<Long> OFFSET = AttributeKey.longKey("messaging.kafka.offset");
    static final AttributeKey<String> CONSUMER_GROUP = AttributeKey.stringKey("messaging.consumer.group.name");
    static final AttributeKey<Long> BATCH_COUNT = AttributeKey.longKey("messaging.batch.message_count");
    static final AttributeKey<String> EVENT_ID = AttributeKey.stringKey("cloudevents.event_id");
    static final AttributeKey<String> EVENT_TYPE = AttributeKey.stringKey("cloudevents.event_type");

    @Inject
    Tracer tracer;

    /**
     * The relay's send of one outbox event: a child of the span that recorded it ({@code recordedBy}, kept in the outbox
     * row), or the first span of a trace when the row kept none. Ended by the caller when the broker acknowledged it.
     */
    public Span send(String topic, String eventId, String eventType, String key, TraceParent recordedBy) {
        return tracer.spanBuilder("send " + topic)
                .setParent(TraceParent.parentOf(recordedBy))
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute(SYSTEM, "kafka")
                .setAttribute(DESTINATION, topic)
                .setAttribute(OPERATION_TYPE, "send")
                .setAttribute(OPERATION_NAME, "send")
                .setAttribute(MESSAGE_ID, eventId)
                .setAttribute(MESSAGE_KEY, key)
                .setAttribute(EVENT_ID, eventId)
                .setAttribute(EVENT_TYPE, eventType)
                .startSpan();
    }

    /**
     * A consumer's poll, applied in one transaction: linked to the send of each of its events ({@code sentBy}), since a
     * batch has many parents and can be the child of none of them.
     */
    public Span poll(String topic, String group, int records, Collection<SpanContext> sentBy) {
        SpanBuilder builder = tracer.spanBuilder("poll " + topic)
                .setNoParent()
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute(SYSTEM, "kafka")
                .setAttribute(DESTINATION, topic)
                .setAttribute(OPERATION_TYPE, "receive")
                .setAttribute(OPERATION_NAME, "poll")
                .setAttribute(CONSUMER_GROUP, group)
                .setAttribute(BATCH_COUNT, (long) records);
        sentBy.forEach(builder::addLink);
        return builder.startSpan();
    }

    /**
     * One event's processing inside a poll: the child of its send ({@code sentBy}, from the record's headers), so the
     * trace goes on into whatever the handler does (the events it records, the mail it queues), and linked to the poll.
     */
    public Span process(
            String topic,
            String group,
            int partition,
            long offset,
            String eventId,
            String eventType,
            TraceParent sentBy,
            Span poll) {
        return tracer.spanBuilder("process " + topic)
                .setParent(TraceParent.parentOf(sentBy))
                .setSpanKind(SpanKind.CONSUMER)
                .addLink(poll.getSpanContext())
                .setAttribute(SYSTEM, "kafka")
                .setAttribute(DESTINATION, topic)
                .setAttribute(PARTITION, Integer.toString(partition))
                .setAttribute(OFFSET, offset)
                .setAttribute(OPERATION_TYPE, "process")
                .setAttribute(OPERATION_NAME, "process")
                .setAttribute(CONSUMER_GROUP, group)
                .setAttribute(MESSAGE_ID, eventId)
                .setAttribute(EVENT_ID, eventId)
                .setAttribute(EVENT_TYPE, eventType)
                .startSpan();
    }

    /**
     * Work done later for a row that kept the context it was queued in (a mail, a webhook delivery): a client span,
     * child of that context, started by the caller's {@code builder} with its own name and attributes.
     */
    public SpanBuilder clientOf(String name, TraceParent queuedIn) {
        return tracer.spanBuilder(name)
                .setParent(TraceParent.parentOf(queuedIn))
                .setSpanKind(SpanKind.CLIENT);
    }

    /** Ends a span as failed with the failure's type only (a message could carry data). */
    public static void endFailed(Span span, Throwable failure) {
        span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
        span.setAttribute(
                AttributeKey.stringKey("error.type"), failure.getClass().getName());
        span.end();
    }
}
