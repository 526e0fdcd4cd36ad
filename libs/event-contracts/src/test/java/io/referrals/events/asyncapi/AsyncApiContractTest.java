package io.referrals.events.asyncapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.referrals.events.CloudEvent;
import io.referrals.events.EventCodec;
import io.referrals.events.EventType;
import io.referrals.events.EventTypes;
import io.referrals.events.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The AsyncAPI document shipped in this jar is the events' machine-readable contract: it must say what the records
 * say. Changing a payload record, adding a type or moving one to another topic fails here until the document is
 * regenerated ({@code -Dasyncapi.write=true}, see {@link #documentIsWhatTheContractsGive}).
 */
class AsyncApiContractTest {
    private static final Path SOURCE = Path.of("src/main/resources").resolve(AsyncApiDocument.PATH);

    @Test
    void documentIsWhatTheContractsGive() throws IOException {
        String generated = AsyncApiDocument.yaml();
        if (Boolean.getBoolean("asyncapi.write")) {
            Files.writeString(SOURCE, generated);
        }
        assertEquals(
                generated,
                committed(),
                "The AsyncAPI document differs from the contracts: regenerate it with `./mvnw -o -q test -pl"
                        + " libs/event-contracts -Dtest=AsyncApiContractTest -Dasyncapi.write=true` and review the"
                        + " diff (a changed payload may need a new version, see the README).");
    }

    @Test
    void everyEventTypeIsOneMessageOnItsTopicsChannelSentByItsProducer() throws IOException {
        JsonNode doc = document();
        assertEquals("3.0.0", doc.path("asyncapi").asText());
        assertEquals("kafka", doc.at("/servers/kafka/protocol").asText());
        Set<String> documented = new HashSet<>();
        doc.at("/components/messages").fieldNames().forEachRemaining(documented::add);
        Set<String> contracts = new HashSet<>();
        for (EventType<?> type : EventTypes.ALL) {
            contracts.add(type.cloudEventType());
            List<String> messages = new ArrayList<>();
            doc.at("/components/messages").properties().forEach(entry -> {
                if (type.cloudEventType()
                        .equals(entry.getValue()
                                .at("/payload/allOf/1/properties/type/const")
                                .asText())) {
                    messages.add(entry.getKey());
                }
            });
            assertEquals(List.of(type.cloudEventType()), messages, "one message for " + type.cloudEventType());
            JsonNode message = doc.at("/components/messages").get(type.cloudEventType());
            assertEquals(type.name(), message.path("name").asText());
            assertEquals(
                    type.name() + " v" + type.version(), message.path("title").asText());
            assertEquals(
                    type.cloudEventType(),
                    message.at("/headers/properties/ce_type/const").asText());
            assertEquals(
                    Topics.source(type.topic()).orElseThrow(),
                    message.at("/payload/allOf/1/properties/source/const").asText());
            assertEquals("uuid", message.at("/bindings/kafka/key/format").asText(), "the key is the aggregate id");

            String ref = "#/components/messages/" + type.cloudEventType();
            List<String> channels = new ArrayList<>();
            doc.at("/channels").properties().forEach(channel -> {
                for (JsonNode listed :
                        AsyncApiDocument.values(channel.getValue().path("messages"))) {
                    if (ref.equals(listed.path("$ref").asText())) {
                        channels.add(channel.getValue().path("address").asText());
                    }
                }
            });
            assertEquals(List.of(type.topic()), channels, type.cloudEventType() + " is on its topic's channel alone");

            List<String> senders = new ArrayList<>();
            doc.at("/operations").properties().forEach(operation -> {
                JsonNode value = operation.getValue();
                if ("send".equals(value.path("action").asText())
                        && AsyncApiDocument.values(value.path("messages")).stream()
                                .anyMatch(
                                        m -> m.path("$ref").asText().endsWith("/messages/" + type.cloudEventType()))) {
                    senders.add(value.at("/tags/0/name").asText());
                }
            });
            assertEquals(
                    List.of(Topics.source(type.topic()).orElseThrow().substring(1)),
                    senders,
                    type.cloudEventType() + " is sent by its topic's producer alone");
        }
        assertEquals(contracts, documented, "the document has no message that is not a contract");
    }

    @Test
    void everyPayloadSchemaHasTheRecordsComponentsAndTypes() throws IOException {
        JsonNode doc = document();
        for (EventType<?> type : EventTypes.ALL) {
            JsonNode data =
                    doc.at("/components/messages").get(type.cloudEventType()).at("/payload/allOf/1/properties/data");
            checkRecord(doc, resolve(doc, data), type.dataClass(), type.cloudEventType());
        }
    }

    @Test
    void envelopeSchemaHasTheCloudEventsAttributes() throws IOException {
        JsonNode envelope = document().at("/components/schemas/CloudEvent");
        List<String> attributes = Arrays.stream(CloudEvent.class.getRecordComponents())
                .map(RecordComponent::getName)
                .toList();
        assertEquals(attributes, names(envelope.path("properties")));
        assertEquals(attributes, texts(envelope.path("required")));
    }

    /** What the codec really writes, with every field set and with the nullable ones null, fits the document. */
    @Test
    void theCodecsEnvelopesFitTheirMessages() throws IOException {
        JsonNode doc = document();
        for (EventType<?> type : EventTypes.ALL) {
            JsonNode payload =
                    doc.at("/components/messages").get(type.cloudEventType()).path("payload");
            for (Object data : List.of(Samples.full(type.dataClass()), Samples.minimal(type.dataClass()))) {
                CloudEvent event = wrap(type, data);
                JsonNode written = EventCodec.mapper().readTree(EventCodec.encode(event));
                List<String> errors = new ArrayList<>();
                SchemaCheck.check(doc, payload, written, "", errors);
                assertEquals(List.of(), errors, type.cloudEventType() + ": " + written);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> CloudEvent wrap(EventType<T> type, Object data) {
        return EventCodec.wrap(
                type,
                Topics.source(type.topic()).orElseThrow(),
                "practice-1",
                UUID.randomUUID().toString(),
                (T) data);
    }

    private static void checkRecord(JsonNode doc, JsonNode schema, Class<?> record, String where) {
        List<String> components = new ArrayList<>(Arrays.stream(record.getRecordComponents())
                .map(RecordComponent::getName)
                .toList());
        // What the codec writes besides the components (NotificationSent.isThankYou() writes "thankYou").
        EventCodec.mapper().valueToTree(Samples.full(record)).fieldNames().forEachRemaining(written -> {
            if (!components.contains(written)) {
                components.add(written);
            }
        });
        assertEquals(components, names(schema.path("properties")), where + ": properties of " + record.getName());
        assertEquals(Samples.required(record), texts(schema.path("required")), where + ": required of " + record);
        for (RecordComponent component : record.getRecordComponents()) {
            JsonNode property = schema.path("properties").path(component.getName());
            assertEquals(
                    !Samples.required(record).contains(component.getName()),
                    nullable(property),
                    where + "." + component.getName() + " is nullable exactly when not required");
            checkType(
                    doc, property, component.getType(), component.getGenericType(), where + "." + component.getName());
        }
    }

    private static void checkType(JsonNode doc, JsonNode property, Class<?> type, Type generic, String where) {
        if (property.has("oneOf")) {
            property = property.path("oneOf").path(0);
        }
        Set<String> types = new HashSet<>();
        if (property.path("type").isArray()) {
            property.path("type").forEach(t -> types.add(t.asText()));
        } else if (property.has("type")) {
            types.add(property.path("type").asText());
        }
        types.remove("null");
        String format = property.path("format").asText(null);
        if (type == String.class) {
            assertEquals(Set.of("string"), types, where);
            assertEquals(null, format, where);
        } else if (type == UUID.class) {
            assertEquals(Set.of("string"), types, where);
            assertEquals("uuid", format, where);
        } else if (type == Instant.class) {
            assertEquals(Set.of("string"), types, where);
            assertEquals("date-time", format, where);
        } else if (type == LocalDate.class) {
            assertEquals(Set.of("string"), types, where);
            assertEquals("date", format, where);
        } else if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            assertEquals(Set.of("integer"), types, where);
        } else if (type == boolean.class || type == Boolean.class) {
            assertEquals(Set.of("boolean"), types, where);
        } else if (type == BigDecimal.class) {
            assertTrue(types.equals(Set.of("number")) || types.equals(Set.of("string")), where);
        } else if (type.isEnum()) {
            assertEquals(Set.of("string"), types, where);
            List<String> values = new ArrayList<>();
            property.path("enum").forEach(v -> {
                if (!v.isNull()) {
                    values.add(v.asText());
                }
            });
            List<String> expected = Arrays.stream(type.getEnumConstants())
                    .map(c -> EventCodec.mapper().valueToTree(c).asText())
                    .toList();
            assertEquals(expected, values, where + ": the enum's wire values");
        } else if (type == List.class) {
            assertEquals(Set.of("array"), types, where);
            Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
            checkType(doc, property.path("items"), (Class<?>) element, element, where + "[]");
        } else if (type.isRecord()) {
            assertTrue(property.has("$ref"), where + " refers to the schema of " + type.getSimpleName());
            checkRecord(doc, resolve(doc, property), type, where);
        } else {
            fail(where + ": no mapping for " + type);
        }
    }

    private static boolean nullable(JsonNode property) {
        List<JsonNode> types = new ArrayList<>();
        property.path("type").forEach(types::add);
        property.path("oneOf").forEach(option -> types.add(option.path("type")));
        return types.stream().anyMatch(type -> type.asText().equals("null"));
    }

    static JsonNode resolve(JsonNode doc, JsonNode schema) {
        String ref = schema.path("$ref").asText(null);
        if (ref == null) {
            return schema;
        }
        JsonNode target = doc.at(ref.substring(1));
        assertNotNull(target, ref);
        assertTrue(!target.isMissingNode(), ref + " exists");
        return target;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static JsonNode document() throws IOException {
        return AsyncApiDocument.YAML.readTree(committed());
    }

    /** The document as the jar ships it (from the class path). */
    private static String committed() throws IOException {
        try (InputStream in = AsyncApiContractTest.class.getClassLoader().getResourceAsStream(AsyncApiDocument.PATH)) {
            assertNotNull(in, AsyncApiDocument.PATH + " is on the class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
