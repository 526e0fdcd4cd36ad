package io.referrals.platform.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlainTextDeserializerTest {
    record Person(
            String name,
            @MultiLine String notes,
            List<String> tags,
            @MultiLine Map<String, String> values) {}

    record Envelope(Person person) {}

    private final ObjectMapper mapper = new ObjectMapper();

    PlainTextDeserializerTest() {
        new PlainTextJackson().customize(mapper);
    }

    @Test
    void aControlCharacterInAnyStringIsRefusedWithThePathAndNoValue() {
        for (String json : new String[] {
            "{\"person\":{\"name\":\"Dana\\u0000Lee\"}}",
            "{\"person\":{\"notes\":\"fine\\u0000\"}}",
            "{\"person\":{\"tags\":[\"ok\",\"b\\u202ed\"]}}",
            "{\"person\":{\"values\":{\"k\":\"\\u001b[31m\"}}}",
            "{\"person\":{\"name\":\"Dana\\nLee\"}}",
        }) {
            InvalidFormatException e =
                    assertThrows(InvalidFormatException.class, () -> mapper.readValue(json, Envelope.class), json);
            assertEquals(String.class, e.getTargetType());
            assertNull(e.getValue(), "the refused value is not carried along");
            assertTrue(e.getOriginalMessage().startsWith("must not contain"), e.getOriginalMessage());
            assertEquals("person", e.getPath().get(0).getFieldName());
        }
    }

    @Test
    void severalLinesWhereAFieldIsMarkedMultiLine() throws Exception {
        Envelope read = mapper.readValue(
                "{\"person\":{\"name\":\"Dana Lee\",\"notes\":\"one\\n\\ttwo\\r\\n\",\"values\":{\"s\":\"a\\nb\"}}}",
                Envelope.class);
        assertEquals("one\n\ttwo\r\n", read.person().notes());
        assertEquals("a\nb", read.person().values().get("s"));
    }

    @Test
    void jsonTheServiceWroteItselfIsReadBackUnchecked() throws Exception {
        Person read = mapper.readerFor(Person.class)
                .withAttribute(PlainTextDeserializer.TRUSTED, true)
                .readValue("{\"name\":\"Dana\\nLee\"}");
        assertEquals("Dana\nLee", read.name());
    }
}
