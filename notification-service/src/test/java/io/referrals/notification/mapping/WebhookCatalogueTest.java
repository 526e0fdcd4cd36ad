package io.referrals.notification.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Each event's documented fields and its payload are one list: what is sent is what the catalogue says. */
class WebhookCatalogueTest {

    @Test
    void everySamplePayloadHasExactlyItsDocumentedFieldsInOrder() {
        for (WebhookCatalogue.Entry<?> entry : WebhookCatalogue.all()) {
            List<String> documented =
                    entry.fields().stream().map(WebhookCatalogue.Field::name).toList();
            List<String> sent = new ArrayList<>();
            entry.sampleData().fieldNames().forEachRemaining(sent::add);
            assertEquals(documented, sent, entry.name());

            List<String> schemaProperties = new ArrayList<>();
            entry.schema().get("properties").fieldNames().forEachRemaining(schemaProperties::add);
            assertEquals(documented, schemaProperties, entry.name());
        }
    }

    @Test
    void everySampleValueHasItsDocumentedTypeAndFormat() {
        for (WebhookCatalogue.Entry<?> entry : WebhookCatalogue.all()) {
            ObjectNode data = entry.sampleData();
            for (WebhookCatalogue.Field<?> field : entry.fields()) {
                String where = entry.name() + "." + field.name();
                JsonNode value = data.get(field.name());
                if (value.isNull()) {
                    assertTrue(field.nullable(), where + " is null but documented as required");
                    continue;
                }
                switch (field.type()) {
                    case "string" -> assertTrue(value.isTextual(), where);
                    case "integer" -> assertTrue(value.isInt(), where);
                    case "boolean" -> assertTrue(value.isBoolean(), where);
                    case "object" -> {
                        assertTrue(value.isObject(), where);
                        new BigDecimal(value.get("amount").textValue());
                        assertEquals(3, value.get("currency").textValue().length(), where);
                    }
                    default -> throw new AssertionError(where + ": undocumented type " + field.type());
                }
                if (field.format() != null) {
                    switch (field.format()) {
                        case "uuid" -> UUID.fromString(value.textValue());
                        case "date-time" -> Instant.parse(value.textValue());
                        case "date" -> LocalDate.parse(value.textValue());
                        default -> throw new AssertionError(where + ": undocumented format " + field.format());
                    }
                }
            }
        }
    }

    @Test
    void everyEntryMapsItsOwnEventUnderItsName() {
        for (WebhookCatalogue.Entry<?> entry : WebhookCatalogue.all()) {
            WebhookCatalogue.Mapped mapped = mapSample(entry);
            assertEquals(entry.name(), mapped.name());
            assertEquals(entry.sampleData(), mapped.data());
        }
    }

    @Test
    void namesAndEventTypesAreEachInTheCatalogueOnceAndTheTestEventIsNotSubscribable() {
        List<WebhookCatalogue.Entry<?>> entries = WebhookCatalogue.all();
        assertEquals(
                entries.size(),
                new HashSet<>(entries.stream().map(WebhookCatalogue.Entry::name).toList()).size());
        assertEquals(
                entries.size(),
                new HashSet<>(entries.stream().map(WebhookCatalogue.Entry::type).toList()).size());
        assertFalse(WebhookCatalogue.byName(WebhookCatalogue.TEST_EVENT).isPresent());
    }

    @Test
    void aRequiredFieldIsNeverSentAsNull() {
        WebhookCatalogue.Field<Object> required =
                new WebhookCatalogue.Field<>("x", "string", null, false, "X", event -> NullNode.getInstance());
        assertThrows(NullPointerException.class, () -> required.read(new Object()));
    }

    private static <E> WebhookCatalogue.Mapped mapSample(WebhookCatalogue.Entry<E> entry) {
        return WebhookCatalogue.map(entry.type(), entry.sample()).orElseThrow();
    }
}
