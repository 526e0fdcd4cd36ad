package io.referrals.referral;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.referral.entity.IntakeLink;
import io.referrals.referral.service.IntakeSecretCipher;
import io.referrals.referral.service.IntakeSecretRotation;
import io.referrals.referral.service.IntakeSecrets;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A key rotation as an operator does it (issue 10): the service starts with a new {@code INTAKE_SECRET_KEY} and the
 * old one in {@code INTAKE_PREVIOUS_SECRET_KEYS}, over a database holding secrets under the old key and one in plain
 * text ({@link RotatedIntakeKeyResource}). By the time it answers requests every one of them is under the new key, and
 * the links still verify their signatures.
 */
@QuarkusTest
@WithTestResource(RotatedIntakeKeyResource.class)
class IntakeSecretRotationTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    IntakeSecretCipher cipher;

    @Inject
    IntakeSecretRotation rotation;

    @Test
    void atStartSecretsUnderThePreviousKeyOrInPlainTextAreReencryptedUnderTheCurrentOneAndStillVerify()
            throws Exception {
        String previousPrefix = IntakeSecretCipher.Keys.of(
                        Optional.of(RotatedIntakeKeyResource.PREVIOUS_KEY), List.of())
                .encrypt("any", RotatedIntakeKeyResource.SECRET)
                .substring(0, "gcm1:12345678:".length());
        String currentPrefix = cipher.currentPrefix();
        assertFalse(currentPrefix.equals(previousPrefix), "the service runs with the rotated key");

        Map<UUID, String> stored = storedSecrets();
        assertEquals(RotatedIntakeKeyResource.UNDER_PREVIOUS_KEY + 1, stored.size());
        stored.forEach((id, value) -> {
            assertTrue(value.startsWith(currentPrefix), id + " is stored as " + value);
            assertFalse(value.contains(RotatedIntakeKeyResource.SECRET.substring("whsec_".length())), value);
        });

        // The links verify signatures with the secret they were given before the rotation.
        postSigned(RotatedIntakeKeyResource.previousKeyToken(0), "msg_rotated_previous");
        postSigned(
                RotatedIntakeKeyResource.previousKeyToken(RotatedIntakeKeyResource.UNDER_PREVIOUS_KEY - 1),
                "msg_rotated_last");
        postSigned(RotatedIntakeKeyResource.PLAIN_TOKEN, "msg_rotated_plain");

        // A partner's kept link token (for the portal) is re-encrypted too, and still reads as the same token.
        IntakeLink partnerLink = new IntakeLink();
        partnerLink.id = RotatedIntakeKeyResource.PARTNER_LINK;
        partnerLink.partnerToken = storedPartnerToken();
        assertTrue(partnerLink.partnerToken.startsWith(currentPrefix), partnerLink.partnerToken);
        assertEquals(RotatedIntakeKeyResource.PARTNER_TOKEN, cipher.partnerTokenOf(partnerLink));

        // A booking integration's secret (the same key encrypts it) is re-encrypted too, and still verifies.
        String bookingSecret = storedBookingSecret();
        assertTrue(bookingSecret.startsWith(currentPrefix), bookingSecret);
        String delivery = "{\"triggerEvent\":\"PING\",\"createdAt\":\"2026-12-07T09:00:00Z\",\"payload\":{}}";
        given().contentType(ContentType.JSON)
                .header(
                        "X-Cal-Signature-256",
                        BookingFixtures.hmacHex(RotatedIntakeKeyResource.BOOKING_SECRET, delivery))
                .body(delivery.getBytes(StandardCharsets.UTF_8))
                .post("/api/bookings/calcom/" + RotatedIntakeKeyResource.BOOKING_TOKEN)
                .then()
                .statusCode(200)
                .body("outcome", equalTo("ignored"));
        assertEquals(0, rotation.reencryptBookingSecretsUnderCurrentKey());
        assertEquals(bookingSecret, storedBookingSecret());

        // Idempotent: a second run (another replica starting) finds nothing to do and changes nothing.
        assertEquals(0, rotation.reencryptUnderCurrentKey());
        assertEquals(stored, storedSecrets());
        assertEquals(partnerLink.partnerToken, storedPartnerToken());
    }

    private static void postSigned(String token, String webhookId) {
        String body = """
                {"referrer":{"name":"Web Form","email":"form@example.com"},\
                "referred":{"name":"Rotated Key","email":"%s@example.com"}}""".formatted(webhookId);
        String now = String.valueOf(Instant.now().getEpochSecond());
        given().contentType(ContentType.JSON)
                .headers(
                        "webhook-id",
                        webhookId,
                        "webhook-timestamp",
                        now,
                        "webhook-signature",
                        IntakeSecrets.sign(
                                RotatedIntakeKeyResource.SECRET, webhookId, now, body.getBytes(StandardCharsets.UTF_8)))
                .body(body)
                .post("/api/intake/" + token)
                .then()
                .statusCode(201)
                .body("status", equalTo("received"));
    }

    private String storedBookingSecret() throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select signing_secret from referral.booking_integration where id = ?")) {
            select.setObject(1, RotatedIntakeKeyResource.BOOKING_INTEGRATION);
            try (ResultSet rows = select.executeQuery()) {
                assertTrue(rows.next());
                return rows.getString(1);
            }
        }
    }

    private String storedPartnerToken() throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select =
                        connection.prepareStatement("select partner_token from referral.intake_link where id = ?")) {
            select.setObject(1, RotatedIntakeKeyResource.PARTNER_LINK);
            try (ResultSet rows = select.executeQuery()) {
                assertTrue(rows.next());
                return rows.getString(1);
            }
        }
    }

    private Map<UUID, String> storedSecrets() throws Exception {
        Map<UUID, String> stored = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select id, signing_secret from referral.intake_link where tenant_id = ? order by id")) {
            select.setString(1, RotatedIntakeKeyResource.TENANT);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    stored.put(rows.getObject(1, UUID.class), rows.getString(2));
                }
            }
        }
        return stored;
    }
}
