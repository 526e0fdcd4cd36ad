package io.referrals.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import org.junit.jupiter.api.Test;

class WireEnumTest {
    @Test
    void writesAndReadsTheLowerCaseName() throws Exception {
        var mapper = EventCodec.mapper();
        assertEquals("\"center_of_influence\"", mapper.writeValueAsString(PartnerCategory.CENTER_OF_INFLUENCE));
        assertEquals(Consent.CONTACT_MADE, mapper.readValue("\"contact_made\"", Consent.class));
        assertThrows(InvalidFormatException.class, () -> mapper.readValue("\"CONTACT_MADE\"", Consent.class));
    }
}
