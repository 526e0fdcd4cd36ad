package io.referrals.referral.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The two providers' webhook signatures, checked over the raw body bytes as received and compared in constant time.
 * Each check answers why it refused, or {@link Verdict#VALID}.
 */
public final class BookingSignatures {
    private BookingSignatures() {}

    /** Why a signature was refused, or that it was valid. */
    public enum Verdict {
        VALID,
        MISSING,
        MALFORMED,
        STALE,
        INVALID
    }

    /** Cal.com: {@code X-Cal-Signature-256} is the hex HMAC-SHA256 of the raw body keyed with the secret. */
    public static Verdict verifyCalcom(String secret, String header, byte[] body) {
        if (header == null || header.isBlank()) {
            return Verdict.MISSING;
        }
        String given = header.strip().toLowerCase(Locale.ROOT);
        if (given.startsWith("sha256=")) {
            given = given.substring("sha256=".length());
        }
        return equal(hmacHex(secret, new byte[0], body), given) ? Verdict.VALID : Verdict.INVALID;
    }

    /**
     * Calendly: {@code Calendly-Webhook-Signature: t=<unix seconds>,v1=<hex>}, v1 the HMAC-SHA256 of
     * {@code t + "." + body} keyed with the webhook signing key; a {@code t} further than {@code tolerance} from
     * {@code now} is stale (a captured delivery replayed later).
     */
    public static Verdict verifyCalendly(
            String signingKey, String header, byte[] body, Instant now, Duration tolerance) {
        if (header == null || header.isBlank()) {
            return Verdict.MISSING;
        }
        String timestamp = null;
        String signature = null;
        for (String part : header.split(",")) {
            String[] pair = part.strip().split("=", 2);
            if (pair.length != 2) {
                return Verdict.MALFORMED;
            }
            if (pair[0].equals("t")) {
                timestamp = pair[1].strip();
            } else if (pair[0].equals("v1")) {
                signature = pair[1].strip().toLowerCase(Locale.ROOT);
            }
        }
        if (timestamp == null || signature == null) {
            return Verdict.MALFORMED;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return Verdict.MALFORMED;
        }
        // Checked before the signature, and whatever it says: a stale delivery is refused either way.
        if (Math.abs(now.getEpochSecond() - seconds) > tolerance.toSeconds()) {
            return Verdict.STALE;
        }
        byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.UTF_8);
        return equal(hmacHex(signingKey, prefix, body), signature) ? Verdict.VALID : Verdict.INVALID;
    }

    private static boolean equal(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    private static String hmacHex(String key, byte[] prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(prefix);
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
