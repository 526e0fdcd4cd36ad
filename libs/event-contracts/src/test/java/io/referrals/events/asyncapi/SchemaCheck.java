package io.referrals.events.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The part of JSON Schema the document uses ({@code $ref}, {@code allOf}, {@code oneOf}, {@code type}, {@code const},
 * {@code enum}, {@code required}, {@code properties}, {@code items}), enough to check a written event against it.
 */
final class SchemaCheck {
    private SchemaCheck() {}

    static void check(JsonNode doc, JsonNode schema, JsonNode value, String path, List<String> errors) {
        check(doc, schema, value, path, errors, true);
    }

    /** {@code closed}: a property the schema does not list is an error (not so in one part of an allOf). */
    private static void check(
            JsonNode doc, JsonNode schema, JsonNode value, String path, List<String> errors, boolean closed) {
        schema = AsyncApiContractTest.resolve(doc, schema);
        for (JsonNode part : schema.path("allOf")) {
            check(doc, part, value, path, errors, false);
        }
        if (schema.has("oneOf")) {
            int matching = 0;
            for (JsonNode option : schema.path("oneOf")) {
                List<String> optionErrors = new ArrayList<>();
                check(doc, option, value, path, optionErrors, true);
                if (optionErrors.isEmpty()) {
                    matching++;
                }
            }
            if (matching != 1) {
                errors.add(path + ": matches " + matching + " of oneOf");
            }
        }
        if (schema.has("type")) {
            boolean fits = false;
            for (JsonNode type : schema.path("type").isArray() ? schema.path("type") : List.of(schema.path("type"))) {
                fits |= fits(type.asText(), value);
            }
            if (!fits) {
                errors.add(path + ": " + value.getNodeType() + " is not " + schema.path("type"));
                return;
            }
        }
        if (schema.has("const") && !schema.path("const").equals(value)) {
            errors.add(path + ": not " + schema.path("const"));
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode allowed : schema.path("enum")) {
                listed |= allowed.equals(value);
            }
            if (!listed) {
                errors.add(path + ": " + value + " is not one of " + schema.path("enum"));
            }
        }
        if (value.isObject()) {
            for (JsonNode required : schema.path("required")) {
                if (!value.has(required.asText())) {
                    errors.add(path + ": " + required.asText() + " is missing");
                }
            }
            JsonNode object = schema;
            value.properties().forEach(field -> {
                JsonNode property = object.path("properties").path(field.getKey());
                if (closed && object.has("properties") && property.isMissingNode()) {
                    errors.add(path + "/" + field.getKey() + ": not in the schema");
                } else if (!property.isMissingNode()) {
                    check(doc, property, field.getValue(), path + "/" + field.getKey(), errors, true);
                }
            });
        }
        if (value.isArray() && schema.has("items")) {
            int i = 0;
            for (JsonNode item : value) {
                check(doc, schema.path("items"), item, path + "/" + i++, errors, true);
            }
        }
    }

    private static boolean fits(String type, JsonNode value) {
        return switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> false;
        };
    }
}
