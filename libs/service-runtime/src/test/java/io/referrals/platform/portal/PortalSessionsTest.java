package io.referrals.platform.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the portal's verifier takes for a session, and every way a token fails to be one. */
class PortalSessionsTest {
    private static final String ISSUER = "https://portal.test";
    private static KeyPair portalKeys;
    private static KeyPair otherKeys;

    @TempDir
    static Path dir;

    private final UUID partnerId = UUID.randomUUID();
    private final UUID sid = UUID.randomUUID();

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        portalKeys = generator.generateKeyPair();
        otherKeys = generator.generateKeyPair();
        Files.writeString(
                dir.resolve("portal-public-key.pem"),
                "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder()
                                .encodeToString(portalKeys.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n");
    }

    private static PortalSessions verifier() {
        PortalSessions sessions = new PortalSessions();
        sessions.config = new PortalConfig() {
            @Override
            public Optional<String> publicKeyLocation() {
                return Optional.of(dir.resolve("portal-public-key.pem").toString());
            }

            @Override
            public String issuer() {
                return ISSUER;
            }

            @Override
            public String audience() {
                return "referral-portal";
            }
        };
        return sessions;
    }

    private String token(PrivateKey key, Consumer<JwtClaims> change) throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience("referral-portal");
        claims.setSubject(partnerId.toString());
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(60);
        claims.setStringListClaim("groups", List.of("partner"));
        claims.setClaim("practice_id", "practice-1");
        claims.setClaim("partner_id", partnerId.toString());
        claims.setClaim("sid", sid.toString());
        change.accept(claims);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }

    @Test
    void aTokenOfThePortalKeyIssuerAndAudienceIsASession() throws Exception {
        Instant issuedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(30);
        assertEquals(
                Optional.of(new PortalSessions.Session("practice-1", partnerId, sid, issuedAt)),
                verifier()
                        .verify(token(
                                portalKeys.getPrivate(),
                                claims -> claims.setIssuedAt(NumericDate.fromSeconds(issuedAt.getEpochSecond())))));
    }

    @Test
    void onlyAReadOnlyClaimOfTrueMakesAViewAsSession() throws Exception {
        PortalSessions verifier = verifier();
        assertTrue(verifier.verify(token(portalKeys.getPrivate(), claims -> claims.setClaim("read_only", true)))
                .orElseThrow()
                .readOnly());
        for (Object notTrue : List.of(false, "true", 1)) {
            assertFalse(
                    verifier.verify(token(portalKeys.getPrivate(), claims -> claims.setClaim("read_only", notTrue)))
                            .orElseThrow()
                            .readOnly(),
                    String.valueOf(notTrue));
        }
        assertFalse(verifier.verify(token(portalKeys.getPrivate(), claims -> {}))
                .orElseThrow()
                .readOnly());
    }

    @Test
    void anyOtherTokenIsNone() throws Exception {
        PortalSessions verifier = verifier();
        List<String> refused = List.of(
                token(otherKeys.getPrivate(), claims -> {}),
                token(portalKeys.getPrivate(), claims -> claims.setIssuer("https://dev.referrals.local")),
                token(portalKeys.getPrivate(), claims -> claims.setAudience("referral-platform")),
                token(portalKeys.getPrivate(), claims -> claims.setStringListClaim("groups", List.of("owner"))),
                token(portalKeys.getPrivate(), claims -> claims.setClaim("practice_id", "not a practice!")),
                token(portalKeys.getPrivate(), claims -> claims.setClaim("partner_id", "nobody")),
                token(portalKeys.getPrivate(), claims -> claims.unsetClaim("sid")),
                token(portalKeys.getPrivate(), claims -> {
                    claims.setIssuedAt(NumericDate.fromSeconds(NumericDate.now().getValue() - 7200));
                    claims.setExpirationTime(
                            NumericDate.fromSeconds(NumericDate.now().getValue() - 3600));
                }),
                "not.a.token",
                "");
        for (String token : refused) {
            assertTrue(verifier.verify(token).isEmpty(), token);
        }
        assertTrue(verifier.verify(null).isEmpty());
    }
}
