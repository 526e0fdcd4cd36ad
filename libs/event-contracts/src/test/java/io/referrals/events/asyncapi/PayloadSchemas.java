package io.referrals.events.asyncapi;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.referrals.events.EventCodec;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * JSON Schemas of the payload records as {@link EventCodec} writes them: one named schema per record (payloads and the
 * records they contain), a component the record refuses null for required, any other nullable (absent in events
 * written before it was added). Enums list their wire values.
 */
final class PayloadSchemas {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private final Map<String, ObjectNode> schemas = new TreeMap<>();

    /** The schema's name under components/schemas, made (with the records it contains) on first use. */
    String ref(Class<?> record) {
        String name = record.getSimpleName();
        if (!schemas.containsKey(name)) {
            ObjectNode schema = JSON.objectNode();
            schemas.put(name, schema);
            fill(schema, record);
        }
        return name;
    }

    Map<String, ObjectNode> all() {
        return schemas;
    }

    private void fill(ObjectNode schema, Class<?> record) {
        schema.put("type", "object");
        List<String> required = Samples.required(record);
        ArrayNode requiredNode = schema.putArray("required");
        required.forEach(requiredNode::add);
        ObjectNode properties = schema.putObject("properties");
        for (RecordComponent component : record.getRecordComponents()) {
            ObjectNode property = property(component.getType(), component.getGenericType(), decimalAsString(component));
            properties.set(component.getName(), required.contains(component.getName()) ? property : nullable(property));
        }
        derived(record).forEach((name, value) -> {
            ObjectNode property = properties.putObject(name);
            property.put("type", value.getNodeType().name().toLowerCase(Locale.ROOT));
            property.put(
                    "description",
                    "Not a component: derived by the record's is/get method and written by the codec; readers ignore"
                            + " it (it is not read back).");
        });
    }

    /**
     * What the codec writes besides the components (a bean-style accessor such as {@code isThankYou()}), with the
     * value it writes for the full sample.
     */
    static Map<String, JsonNode> derived(Class<?> record) {
        Map<String, JsonNode> derived = new LinkedHashMap<>();
        Set<String> components = Arrays.stream(record.getRecordComponents())
                .map(RecordComponent::getName)
                .collect(Collectors.toSet());
        EventCodec.mapper().valueToTree(Samples.full(record)).properties().forEach(field -> {
            if (!components.contains(field.getKey())) {
                derived.put(field.getKey(), field.getValue());
            }
        });
        return derived;
    }

    private ObjectNode property(Class<?> type, Type generic, boolean decimalAsString) {
        ObjectNode schema = JSON.objectNode();
        if (type == String.class) {
            schema.put("type", "string");
        } else if (type == UUID.class) {
            schema.put("type", "string").put("format", "uuid");
        } else if (type == Instant.class) {
            schema.put("type", "string").put("format", "date-time");
        } else if (type == LocalDate.class) {
            schema.put("type", "string").put("format", "date");
        } else if (type == int.class || type == Integer.class) {
            schema.put("type", "integer").put("format", "int32");
        } else if (type == long.class || type == Long.class) {
            schema.put("type", "integer").put("format", "int64");
        } else if (type == boolean.class || type == Boolean.class) {
            schema.put("type", "boolean");
        } else if (type == BigDecimal.class) {
            if (decimalAsString) {
                schema.put("type", "string").put("pattern", "^-?[0-9]+(\\.[0-9]+)?$");
                schema.put("description", "A decimal number written as a string, so that no reader rounds it.");
            } else {
                schema.put("type", "number");
            }
        } else if (type.isEnum()) {
            schema.put("type", "string");
            ArrayNode values = schema.putArray("enum");
            for (Object constant : type.getEnumConstants()) {
                values.add(EventCodec.mapper().valueToTree(constant).asText());
            }
        } else if (type == List.class) {
            Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
            schema.put("type", "array");
            schema.set("items", property((Class<?>) element, element, false));
        } else if (type.isRecord()) {
            schema.put("$ref", "#/components/schemas/" + ref(type));
        } else {
            throw new IllegalArgumentException("No schema for " + type + ": teach PayloadSchemas and Samples it");
        }
        return schema;
    }

    /** A component that may be null: its type or null (a reference cannot carry a sibling type, so oneOf). */
    private static ObjectNode nullable(ObjectNode property) {
        if (property.has("$ref")) {
            ObjectNode either = JSON.objectNode();
            ArrayNode oneOf = either.putArray("oneOf");
            oneOf.add(property);
            oneOf.addObject().put("type", "null");
            return either;
        }
        ObjectNode copy = JSON.objectNode();
        copy.putArray("type").add(property.get("type").asText()).add("null");
        property.properties().forEach(entry -> {
            if (!entry.getKey().equals("type")) {
                copy.set(entry.getKey(), entry.getValue());
            }
        });
        if (copy.has("enum")) {
            ((ArrayNode) copy.get("enum")).addNull();
        }
        return copy;
    }

    /** {@code @JsonFormat(shape = STRING)} on the component (it lands on the record's field). */
    private static boolean decimalAsString(RecordComponent component) {
        try {
            JsonFormat format = component
                    .getDeclaringRecord()
                    .getDeclaredField(component.getName())
                    .getAnnotation(JsonFormat.class);
            return format != null && format.shape() == JsonFormat.Shape.STRING;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }
}
