package io.referrals.referral.service;

import io.quarkus.runtime.StartupEvent;
import io.referrals.referral.entity.BookingIntegration;
import io.referrals.referral.entity.IntakeLink;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Intake links' signing secrets encrypted at rest: AES-256-GCM under a key from the environment
 * ({@code INTAKE_SECRET_KEY}), a fresh 96-bit nonce per value and the link's id as associated data (a value copied to
 * another row does not decrypt). Stored as {@code gcm1:<key id>:<base64 nonce + ciphertext + tag>}, where the key
 * id is the first 8 hex digits of the key's SHA-256, so that values under a rotated-away key
 * ({@code INTAKE_PREVIOUS_SECRET_KEYS}) can still be read and re-encrypted.
 */
@ApplicationScoped
public class IntakeSecretCipher {
    static final String PREFIX = "gcm1:";

    @Inject
    IntakeConfig config;

    private volatile Keys keys;

    /** Fails the start of a service without a usable key, with the reason, before anything is served. */
    void requireKey(@Observes StartupEvent start) {
        keys();
    }

    public String encrypt(IntakeLink link, String secret) {
        return keys().encrypt(link.id.toString(), secret);
    }

    public String signingSecretOf(IntakeLink link) {
        return keys().decrypt(link.id.toString(), link.signingSecret);
    }

    /**
     * A partner's link token encrypted under the current key, with the link's id and {@code /token} as associated
     * data: neither value decrypts in the other's place.
     */
    public String encryptToken(IntakeLink link, String token) {
        return keys().encrypt(tokenContext(link), token);
    }

    /** The token kept for the partner the link is bound to ({@link IntakeLink#partnerToken}). */
    public String partnerTokenOf(IntakeLink link) {
        return keys().decrypt(tokenContext(link), link.partnerToken);
    }

    /** The link's kept token encrypted under the current key, from its value under a previous key. */
    public String partnerTokenUnderCurrentKey(IntakeLink link) {
        return encryptToken(link, partnerTokenOf(link));
    }

    /**
     * A booking integration's signing secret (issue 30), under the same key, with {@code booking-integration/} and the
     * integration's id as associated data: it decrypts in no intake link's place, nor another integration's.
     */
    public String encryptBookingSecret(BookingIntegration integration, String secret) {
        return keys().encrypt(bookingContext(integration), secret);
    }

    public String bookingSecretOf(BookingIntegration integration) {
        return keys().decrypt(bookingContext(integration), integration.signingSecret);
    }

    private static String bookingContext(BookingIntegration integration) {
        return "booking-integration/" + integration.id;
    }

    private static String tokenContext(IntakeLink link) {
        return link.id + "/token";
    }

    /** Whether the stored value is under the current key (else it is re-encrypted at start). */
    public boolean isCurrent(String stored) {
        return stored.startsWith(currentPrefix());
    }

    /** How every value under the current key starts: {@code gcm1:<key id>:}. */
    public String currentPrefix() {
        return PREFIX + keys().currentId + ":";
    }

    /**
     * The link's signing secret encrypted under the current key, from its stored value: encrypted under a previous
     * key, or in plain text ({@code whsec_...}, as the schema before V8 kept it, or as a replica still running the
     * code before V8 wrote it after the migration).
     */
    public String underCurrentKey(IntakeLink link) {
        String secret =
                link.signingSecret.startsWith(IntakeSecrets.SECRET_PREFIX) ? link.signingSecret : signingSecretOf(link);
        return encrypt(link, secret);
    }

    private Keys keys() {
        Keys current = keys;
        if (current == null) {
            current = Keys.of(config.secretKey(), config.previousSecretKeys().orElse(List.of()));
            keys = current;
        }
        return current;
    }

    /** The current key and those rotated away, by key id. Also what the Flyway migration encrypts with. */
    public static final class Keys {
        private static final SecureRandom RANDOM = new SecureRandom();
        private final String currentId;
        private final Map<String, SecretKeySpec> byId = new LinkedHashMap<>();

        private Keys(String current, List<String> previous) {
            SecretKeySpec key = parse("INTAKE_SECRET_KEY", current);
            currentId = idOf(key);
            byId.put(currentId, key);
            for (String old : previous) {
                if (!old.isBlank()) {
                    SecretKeySpec oldKey = parse("INTAKE_PREVIOUS_SECRET_KEYS", old.trim());
                    byId.putIfAbsent(idOf(oldKey), oldKey);
                }
            }
        }

        public static Keys of(Optional<String> current, List<String> previous) {
            if (current.isEmpty() || current.get().isBlank()) {
                throw new IllegalStateException("INTAKE_SECRET_KEY is not set: referral-service encrypts intake "
                        + "links' signing secrets with it and does not start without it. Generate one with "
                        + "`openssl rand -base64 32` and keep it in your secret store (see referral-service/README.md, "
                        + "\"Rotating the intake secret key\").");
            }
            return new Keys(current.get().trim(), new ArrayList<>(previous));
        }

        public String encrypt(String linkId, String secret) {
            try {
                byte[] nonce = new byte[12];
                RANDOM.nextBytes(nonce);
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.ENCRYPT_MODE, byId.get(currentId), new GCMParameterSpec(128, nonce));
                cipher.updateAAD(linkId.getBytes(StandardCharsets.UTF_8));
                byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
                byte[] out = new byte[nonce.length + sealed.length];
                System.arraycopy(nonce, 0, out, 0, nonce.length);
                System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
                return PREFIX + currentId + ":" + Base64.getEncoder().encodeToString(out);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Cannot encrypt an intake signing secret", e);
            }
        }

        public String decrypt(String linkId, String stored) {
            String[] parts = stored.split(":", 3);
            if (parts.length != 3 || !stored.startsWith(PREFIX)) {
                throw new IllegalStateException("Intake link " + linkId + ": signing secret is not encrypted");
            }
            SecretKeySpec key = byId.get(parts[1]);
            if (key == null) {
                throw new IllegalStateException("Intake link " + linkId + ": signing secret is encrypted under key "
                        + parts[1] + ", which is neither INTAKE_SECRET_KEY nor in INTAKE_PREVIOUS_SECRET_KEYS");
            }
            try {
                byte[] in = Base64.getDecoder().decode(parts[2]);
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, 12));
                cipher.updateAAD(linkId.getBytes(StandardCharsets.UTF_8));
                return new String(cipher.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw new IllegalStateException("Intake link " + linkId + ": signing secret does not decrypt", e);
            }
        }

        private static SecretKeySpec parse(String variable, String base64) {
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(base64);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(
                        variable + " is not base64; generate a key with " + "`openssl rand -base64 32`");
            }
            if (bytes.length != 32) {
                throw new IllegalStateException(variable + " must be 32 bytes (AES-256) in base64, not " + bytes.length
                        + "; generate one with `openssl rand -base64 32`");
            }
            return new SecretKeySpec(bytes, "AES");
        }

        private static String idOf(SecretKeySpec key) {
            try {
                return HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()))
                        .substring(0, 8);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
