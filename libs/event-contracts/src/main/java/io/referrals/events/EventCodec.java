package io.referrals.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Writes and reads events in the CloudEvents 1.0 structured JSON format. */
public final class EventCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // Readers tolerate fields added by newer producers of the same version.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private EventCodec() {}

    public static <T> CloudEvent wrap(EventType<T> type, String source, String tenantId, String subject, T data) {
        return wrap(
                UUID.randomUUID().toString(),
                Instant.now().truncatedTo(ChronoUnit.MICROS),
                type,
                source,
                tenantId,
                subject,
                data);
    }

    public static <T> CloudEvent wrap(
            String id, Instant time, EventType<T> type, String source, String tenantId, String subject, T data) {
        require(tenantId, "tenantid");
        require(subject, "subject");
        return new CloudEvent(
                CloudEvent.SPEC_VERSION,
                id,
                source,
                type.cloudEventType(),
                time,
                subject,
                tenantId,
                CloudEvent.JSON,
                MAPPER.valueToTree(data));
    }

    public static String encode(CloudEvent event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event cannot be serialized: " + event.type(), e);
        }
    }

    /** Reads and checks the envelope; the payload is read later by {@link #data}. */
    public static CloudEvent decode(String json) {
        if (json == null || json.isBlank()) {
            throw new MalformedEventException("Empty record");
        }
        CloudEvent event;
        try {
            event = MAPPER.readValue(json, CloudEvent.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("Not a CloudEvents JSON envelope"
                    + (e instanceof JsonProcessingException parse && parse.getLocation() != null
                            ? " (at line " + parse.getLocation().getLineNr() + ", column "
                                    + parse.getLocation().getColumnNr() + ")"
                            : ""));
        }
        if (!CloudEvent.SPEC_VERSION.equals(event.specversion())) {
            throw new MalformedEventException("Unsupported specversion " + event.specversion());
        }
        require(event.id(), "id");
        require(event.source(), "source");
        require(event.type(), "type");
        require(event.tenantid(), "tenantid");
        if (event.data() == null || event.data().isNull()) {
            throw new MalformedEventException("Event " + event.id() + " has no data");
        }
        return event;
    }

    /** The typed payload of an event of the given contract. */
    public static <T> T data(CloudEvent event, EventType<T> type) {
        if (!type.cloudEventType().equals(event.type())) {
            throw new IllegalArgumentException(
                    "Event " + event.id() + " is " + event.type() + ", not " + type.cloudEventType());
        }
        try {
            return MAPPER.treeToValue(event.data(), type.dataClass());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // Names the field, never its value, and drops the parser's exception (its message quotes values): this
            // message reaches logs and dead-letter headers, and a value may be someone's name.
            String where = e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping
                    ? " at " + mapping.getPathReference()
                    : "";
            throw new MalformedEventException(
                    "Event " + event.id() + " data does not match " + type.cloudEventType() + where);
        }
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static void require(String value, String attribute) {
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("Missing CloudEvents attribute '" + attribute + "'");
        }
    }
}
