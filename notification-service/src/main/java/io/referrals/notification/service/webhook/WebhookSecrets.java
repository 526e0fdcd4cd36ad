package io.referrals.notification.service.webhook;

import io.referrals.notification.service.NotificationConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signing secrets: made ({@code whsec_} and 32 random bytes in base64, as Standard Webhooks has them), kept encrypted
 * (AES-256-GCM, a fresh nonce per value, the subscription id as associated data so that a value copied to another
 * row does not decrypt), and used: {@code v1,<base64 HMAC-SHA256 of "<webhook-id>.<timestamp>.<body>">} under the
 * secret's decoded bytes, one per secret in force, space-separated.
 */
@ApplicationScoped
class WebhookSecrets {
    static final String PREFIX = "whsec_";
    private static final String STORED_PREFIX = "gcm1:";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    NotificationConfig config;

    private volatile SecretKeySpec key;

    public String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getEncoder().encodeToString(bytes);
    }

    public String encrypt(UUID subscriptionId, String secret) {
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(subscriptionId.toString().getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
            return STORED_PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt a webhook signing secret", e);
        }
    }

    public String decrypt(UUID subscriptionId, String stored) {
        if (!stored.startsWith(STORED_PREFIX)) {
            throw new IllegalStateException("Webhook " + subscriptionId + ": signing secret is not encrypted");
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(STORED_PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(128, in, 0, 12));
            cipher.updateAAD(subscriptionId.toString().getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    "Webhook " + subscriptionId + ": signing secret does not decrypt (was the key changed?)", e);
        }
    }

    /** The {@code webhook-signature} header: one {@code v1,<signature>} per secret, space-separated. */
    public static String signatures(String webhookId, long timestamp, String body, List<String> secrets) {
        return secrets.stream()
                .map(secret -> "v1," + sign(webhookId, timestamp, body, secret))
                .collect(Collectors.joining(" "));
    }

    static String sign(String webhookId, long timestamp, String body, String secret) {
        try {
            byte[] key =
                    Base64.getDecoder().decode(secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] signature = mac.doFinal((webhookId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec current = key;
        if (current == null) {
            current = config.webhooks()
                    .secretKey()
                    .filter(k -> !k.isBlank())
                    .map(WebhookSecrets::parse)
                    .orElseGet(() -> derived(config.unsubscribe().secret()));
            key = current;
        }
        return current;
    }

    private static SecretKeySpec parse(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "WEBHOOK_SECRET_KEY is not base64; generate one with " + "`openssl rand -base64 32`");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(
                    "WEBHOOK_SECRET_KEY must be 32 bytes (AES-256) in base64, not " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    /** A key of its own derived from the unsubscribe secret (HMAC-SHA256 with a label), when none is configured. */
    private static SecretKeySpec derived(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return new SecretKeySpec(
                    mac.doFinal("notification-service webhook signing secrets v1".getBytes(StandardCharsets.UTF_8)),
                    "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
