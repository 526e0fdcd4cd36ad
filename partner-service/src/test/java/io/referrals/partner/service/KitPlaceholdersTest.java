package io.referrals.partner.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class KitPlaceholdersTest {

    @Test
    void theFivePlaceholdersAndTextWithoutBracesPass() {
        for (String text : new String[] {
            null,
            "",
            "No braces at all: 100% plain.",
            "{partnerFirstName} {partnerName} {practiceName} {intakeLink} {bookingLink}",
            "Book at {bookingLink}.\nThanks, {partnerName}",
            "Price: $ {practiceName}"
        }) {
            assertEquals(Optional.empty(), KitPlaceholders.refusal(text), text);
        }
    }

    @Test
    void anyOtherUseOfBracesIsRefusedNamingIt() {
        assertRefused("Hi {firstName}", "unknown placeholder {firstName}");
        assertRefused("Hi {PartnerName}", "unknown placeholder {PartnerName}");
        assertRefused("Hi { partnerName }", "unknown placeholder { partnerName }");
        assertRefused("Hi {}", "unknown placeholder {}");
        assertRefused("Hi {{partnerName}}", "opens no placeholder");
        assertRefused("Hi {partnerName", "opens no placeholder");
        assertRefused("Hi partnerName}", "closes no placeholder");
        assertRefused("{partnerName}}", "closes no placeholder");
        assertRefused(
                "${T(java.lang.Runtime).getRuntime()}", "unknown placeholder {T(java.lang.Runtime).getRuntime()}");
        assertRefused("{" + "x".repeat(100) + "}", "unknown placeholder {" + "x".repeat(38) + "…");
    }

    private static void assertRefused(String text, String expected) {
        Optional<String> refusal = KitPlaceholders.refusal(text);
        assertTrue(refusal.isPresent(), text);
        assertTrue(refusal.get().contains(expected), refusal.get());
        assertTrue(refusal.get().contains("{partnerFirstName}"), "names the allowed ones: " + refusal.get());
    }
}
