package io.referrals.referral.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Tokens, their hashes and Standard Webhooks signatures of intake links. */
public final class IntakeSecrets {
    static final String TOKEN_PREFIX = "il_";
    static final String SECRET_PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private IntakeSecrets() {}

    /** {@code il_} and 32 random bytes, base64url without padding. */
    public static String newToken() {
        return TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
    }

    /** A Standard Webhooks secret: {@code whsec_} and 32 random bytes in base64. */
    public static String newSigningSecret() {
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(randomBytes(32));
    }

    public static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code v1,} and the base64 HMAC-SHA256 of {@code id.timestamp.body} keyed with the decoded secret. */
    public static String sign(String secret, String id, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(
                    Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length())), "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether any of the space-separated signatures is the expected one; compared in constant time. */
    public static boolean anyMatches(String expected, String signatures) {
        byte[] wanted = expected.getBytes(StandardCharsets.UTF_8);
        boolean match = false;
        for (String candidate : signatures.trim().split(" +")) {
            match |= MessageDigest.isEqual(wanted, candidate.getBytes(StandardCharsets.UTF_8));
        }
        return match;
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
