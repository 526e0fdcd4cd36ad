package io.referrals.referral.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The verifiers against signatures made here with javax.crypto, and the booking code generator. */
class BookingSignaturesTest {
    private static final String SECRET = "whsec_test-secret-0123456789";
    private static final byte[] BODY =
            "{\"triggerEvent\":\"BOOKING_CREATED\",\"payload\":{\"uid\":\"u1\"}}".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");
    private static final Duration TOLERANCE = Duration.ofMinutes(3);

    @Test
    void calcomAcceptsTheHexHmacOfTheRawBodyOnly() {
        String signature = hmac(SECRET, BODY);
        assertEquals(BookingSignatures.Verdict.VALID, BookingSignatures.verifyCalcom(SECRET, signature, BODY));
        assertEquals(
                BookingSignatures.Verdict.VALID, BookingSignatures.verifyCalcom(SECRET, signature.toUpperCase(), BODY));
        byte[] changed = BODY.clone();
        changed[10] ^= 1;
        assertEquals(BookingSignatures.Verdict.INVALID, BookingSignatures.verifyCalcom(SECRET, signature, changed));
        assertEquals(
                BookingSignatures.Verdict.INVALID,
                BookingSignatures.verifyCalcom("whsec_another-secret-000000", signature, BODY));
        assertEquals(BookingSignatures.Verdict.MISSING, BookingSignatures.verifyCalcom(SECRET, null, BODY));
        assertEquals(BookingSignatures.Verdict.MISSING, BookingSignatures.verifyCalcom(SECRET, " ", BODY));
        assertEquals(BookingSignatures.Verdict.INVALID, BookingSignatures.verifyCalcom(SECRET, "abc", BODY));
    }

    @Test
    void calendlySignsTheTimestampAndBodyAndRefusesStaleOnes() {
        long t = NOW.getEpochSecond();
        String header = "t=" + t + ",v1="
                + hmac(SECRET, (t + "." + new String(BODY, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        assertEquals(
                BookingSignatures.Verdict.VALID,
                BookingSignatures.verifyCalendly(SECRET, header, BODY, NOW, TOLERANCE));
        assertEquals(
                BookingSignatures.Verdict.VALID,
                BookingSignatures.verifyCalendly(SECRET, header, BODY, NOW.plusSeconds(180), TOLERANCE));
        assertEquals(
                BookingSignatures.Verdict.STALE,
                BookingSignatures.verifyCalendly(SECRET, header, BODY, NOW.plusSeconds(181), TOLERANCE));
        assertEquals(
                BookingSignatures.Verdict.STALE,
                BookingSignatures.verifyCalendly(SECRET, header, BODY, NOW.minusSeconds(181), TOLERANCE));
        byte[] changed = BODY.clone();
        changed[3] ^= 1;
        assertEquals(
                BookingSignatures.Verdict.INVALID,
                BookingSignatures.verifyCalendly(SECRET, header, changed, NOW, TOLERANCE));
        // The body signed without the timestamp (Cal.com's way) is not Calendly's signature.
        assertEquals(
                BookingSignatures.Verdict.INVALID,
                BookingSignatures.verifyCalendly(SECRET, "t=" + t + ",v1=" + hmac(SECRET, BODY), BODY, NOW, TOLERANCE));
        // Another timestamp in the header than the one signed.
        assertEquals(
                BookingSignatures.Verdict.INVALID,
                BookingSignatures.verifyCalendly(
                        SECRET, header.replace("t=" + t, "t=" + (t + 1)), BODY, NOW, TOLERANCE));
        assertEquals(
                BookingSignatures.Verdict.MISSING,
                BookingSignatures.verifyCalendly(SECRET, null, BODY, NOW, TOLERANCE));
        assertEquals(
                BookingSignatures.Verdict.MALFORMED,
                BookingSignatures.verifyCalendly(SECRET, "v1=" + hmac(SECRET, BODY), BODY, NOW, TOLERANCE));
        assertEquals(
                BookingSignatures.Verdict.MALFORMED,
                BookingSignatures.verifyCalendly(SECRET, "t=soon,v1=00", BODY, NOW, TOLERANCE));
    }

    @Test
    void bookingCodesAreTenCrockfordCharactersReadBackForgivingly() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String code = BookingCodes.newCode();
            assertTrue(code.matches("[0-9A-HJKMNP-TV-Z]{10}"), code);
            codes.add(code);
        }
        assertEquals(1000, codes.size(), "drawn at random");
        assertEquals("R7K2M9Q4TX", BookingCodes.normalize(" r7k2-m9q4tx "));
        assertEquals("0123456789", BookingCodes.normalize("O1234S6789".replace('S', '5')));
        assertEquals("1111111111", BookingCodes.normalize("IiLl1IiLl1"));
        assertNull(BookingCodes.normalize("R7K2M9Q4T"));
        assertNull(BookingCodes.normalize("R7K2M9Q4TU"));
        assertNull(BookingCodes.normalize(null));
        assertNotEquals(BookingCodes.newCode(), BookingCodes.newCode());
    }

    @Test
    void bookingLinksAppendTheCodeAsEachProviderHandsItBack() {
        assertEquals(
                "https://cal.com/p/consultation?metadata%5Bref%5D=R7K2M9Q4TX",
                BookingLinks.link(
                        io.referrals.events.booking.BookingProvider.CALCOM,
                        "https://cal.com/p/consultation",
                        "R7K2M9Q4TX"));
        assertEquals(
                "https://calendly.com/p/30min?month=2026-12&utm_content=R7K2M9Q4TX",
                BookingLinks.link(
                        io.referrals.events.booking.BookingProvider.CALENDLY,
                        "https://calendly.com/p/30min?month=2026-12",
                        "R7K2M9Q4TX"));
    }

    private static String hmac(String key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
