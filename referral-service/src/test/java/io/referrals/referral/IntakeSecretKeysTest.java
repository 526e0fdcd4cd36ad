package io.referrals.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.referrals.referral.service.IntakeSecretCipher;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The key handling behind signing secrets at rest: a clear refusal without a key, and rotation. */
class IntakeSecretKeysTest {
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    @Test
    void withoutAKeyTheServiceDoesNotStartAndSaysWhy() {
        IllegalStateException missing = assertThrows(
                IllegalStateException.class, () -> IntakeSecretCipher.Keys.of(Optional.empty(), List.of()));
        assertTrue(missing.getMessage().contains("INTAKE_SECRET_KEY is not set"), missing.getMessage());
        assertTrue(missing.getMessage().contains("openssl rand -base64 32"), missing.getMessage());
        IllegalStateException tooShort = assertThrows(
                IllegalStateException.class,
                () -> IntakeSecretCipher.Keys.of(
                        Optional.of(Base64.getEncoder().encodeToString(new byte[16])), List.of()));
        assertTrue(tooShort.getMessage().contains("32 bytes"), tooShort.getMessage());
    }

    @Test
    void aRotatedKeyStillReadsOldValuesAndAnotherLinkCannotUseThem() {
        String oldKey = newKey();
        String newKey = newKey();
        IntakeSecretCipher.Keys before = IntakeSecretCipher.Keys.of(Optional.of(oldKey), List.of());
        String stored = before.encrypt("link-1", SECRET);
        assertNotEquals(stored, before.encrypt("link-1", SECRET), "a fresh nonce every time");

        IntakeSecretCipher.Keys rotated = IntakeSecretCipher.Keys.of(Optional.of(newKey), List.of(oldKey));
        assertEquals(SECRET, rotated.decrypt("link-1", stored));
        assertEquals(SECRET, rotated.decrypt("link-1", rotated.encrypt("link-1", SECRET)));
        assertThrows(IllegalStateException.class, () -> rotated.decrypt("link-2", stored));

        IntakeSecretCipher.Keys oldDropped = IntakeSecretCipher.Keys.of(Optional.of(newKey), List.of());
        IllegalStateException unknown =
                assertThrows(IllegalStateException.class, () -> oldDropped.decrypt("link-1", stored));
        assertTrue(unknown.getMessage().contains("INTAKE_PREVIOUS_SECRET_KEYS"), unknown.getMessage());
    }
}
