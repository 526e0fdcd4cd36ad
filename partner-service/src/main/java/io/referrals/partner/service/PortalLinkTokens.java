package io.referrals.partner.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Sign-in link tokens: 256 random bits in base64url (43 characters), stored only as their SHA-256 in hex. */
public final class PortalLinkTokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** 32 bytes in unpadded base64url. */
    static final int TOKEN_LENGTH = 43;

    private PortalLinkTokens() {}

    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String token) {
        return sha256Hex(token);
    }

    /** The key an email address is counted under: its SHA-256, so the counter table holds no address. */
    public static String emailKey(String email) {
        return "email:" + sha256Hex(email.trim().toLowerCase(java.util.Locale.ROOT));
    }

    /** Whether {@code token} could be a token at all (a cheap refusal before any lookup). */
    public static boolean wellFormed(String token) {
        return token != null && token.length() == TOKEN_LENGTH && token.matches("[A-Za-z0-9_-]+");
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
