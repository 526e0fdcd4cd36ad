package io.referrals.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Partner portal session tokens as partner-service issues them, signed with the committed portal test key
 * ({@code dev-keys/portal-private-key.pem}), for the services that answer portal requests without issuing sessions.
 * Never valid in production.
 */
public final class PortalTokens {
    public static final String ISSUER = "https://portal.dev.referrals.local";
    public static final String AUDIENCE = "referral-portal";
    private static final PrivateKey KEY = privateKey("dev-keys/portal-private-key.pem");

    private PortalTokens() {}

    /** A session of the partner, issued now and valid an hour. */
    public static String session(String tenantId, UUID partnerId) {
        return session(tenantId, partnerId, Instant.now());
    }

    /** A session of the partner issued at {@code issuedAt} (whole seconds, as a JWT says), valid an hour from then. */
    public static String session(String tenantId, UUID partnerId, Instant issuedAt) {
        return token(tenantId, partnerId, issuedAt, false);
    }

    /** A session of the partner with the session id {@code sessionId} ({@code sid}: what signing out ends), issued now. */
    public static String session(String tenantId, UUID partnerId, UUID sessionId) {
        return token(tenantId, partnerId, Instant.now(), false, sessionId);
    }

    /** The practice's read-only "view as this partner" session, issued now. */
    public static String viewAs(String tenantId, UUID partnerId) {
        return viewAs(tenantId, partnerId, UUID.randomUUID());
    }

    /** The practice's read-only "view as this partner" session with the session id {@code sessionId}, issued now. */
    public static String viewAs(String tenantId, UUID partnerId, UUID sessionId) {
        return token(tenantId, partnerId, Instant.now(), true, sessionId);
    }

    private static String token(String tenantId, UUID partnerId, Instant issuedAt, boolean readOnly) {
        return token(tenantId, partnerId, issuedAt, readOnly, UUID.randomUUID());
    }

    private static String token(String tenantId, UUID partnerId, Instant issuedAt, boolean readOnly, UUID sessionId) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(AUDIENCE);
        claims.setSubject(partnerId.toString());
        claims.setIssuedAt(NumericDate.fromSeconds(issuedAt.getEpochSecond()));
        claims.setExpirationTime(
                NumericDate.fromSeconds(issuedAt.plus(Duration.ofHours(1)).getEpochSecond()));
        claims.setGeneratedJwtId();
        claims.setStringListClaim("groups", List.of("partner"));
        claims.setClaim("practice_id", tenantId);
        claims.setClaim("partner_id", partnerId.toString());
        claims.setClaim("sid", sessionId.toString());
        if (readOnly) {
            claims.setClaim("read_only", true);
        }
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(KEY);
        jws.setHeader("typ", "JWT");
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey privateKey(String resource) {
        try (InputStream in = PortalTokens.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "")
                    .replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Portal test key unreadable", e);
        }
    }
}
