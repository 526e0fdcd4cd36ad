package io.referrals.partner.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PortalLinkTokensTest {

    @Test
    void aTokenIs256RandomBitsInBase64Url() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = PortalLinkTokens.newToken();
            assertEquals(43, token.length());
            assertTrue(token.matches("[A-Za-z0-9_-]{43}"), token);
            assertEquals(32, Base64.getUrlDecoder().decode(token).length);
            assertTrue(PortalLinkTokens.wellFormed(token));
            assertTrue(seen.add(token), "no token twice");
        }
    }

    @Test
    void onlyTheHashIsKeptAndItIsTheSha256InHex() {
        // SHA-256("abc"), FIPS 180-2's example.
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", PortalLinkTokens.hash("abc"));
        String token = PortalLinkTokens.newToken();
        assertEquals(64, PortalLinkTokens.hash(token).length());
        assertFalse(PortalLinkTokens.hash(token).contains(token));
    }

    @Test
    void anEmailIsCountedByItsHashWhateverItsCase() {
        String key = PortalLinkTokens.emailKey("Dana@Example.com ");
        assertEquals(key, PortalLinkTokens.emailKey("dana@example.com"));
        assertNotEquals(key, PortalLinkTokens.emailKey("dana2@example.com"));
        assertFalse(key.contains("dana"), "no address in the counter");
        assertTrue(key.startsWith("email:"));
    }

    @Test
    void whatCannotBeATokenIsRefusedBeforeAnyLookup() {
        assertFalse(PortalLinkTokens.wellFormed(null));
        assertFalse(PortalLinkTokens.wellFormed(""));
        assertFalse(PortalLinkTokens.wellFormed("short"));
        assertFalse(PortalLinkTokens.wellFormed("a".repeat(42) + "="));
        assertFalse(PortalLinkTokens.wellFormed("a".repeat(44)));
    }
}
