package io.referrals.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/** Bearer tokens signed with the development key pair in {@code dev-keys/}. Never valid in production. */
public final class DevTokens {
    public static final String ISSUER = "https://dev.referrals.local";
    public static final String AUDIENCE = "referral-platform";
    public static final String TENANT_CLAIM = "practice_id";
    private static final PrivateKey KEY = loadPrivateKey();

    private DevTokens() {}

    public static String token(String tenantId, String... roles) {
        return token(tenantId, Duration.ofHours(1), roles);
    }

    public static String token(String tenantId, Duration lifetime, String... roles) {
        return token(KEY, tenantId, lifetime, roles);
    }

    /** A token like the others, signed with another key (the local stack's own key pair of its data directory). */
    public static String token(PrivateKey key, String tenantId, Duration lifetime, String... roles) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(AUDIENCE);
        claims.setSubject("user@" + tenantId);
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(lifetime.toSeconds() / 60f);
        claims.setGeneratedJwtId();
        claims.setStringListClaim("groups", List.of(roles));
        if (tenantId != null) {
            claims.setClaim(TENANT_CLAIM, tenantId);
        }
        return sign(claims, key);
    }

    /** A token of the committed test key issued {@code age} ago and still unexpired: for maximum-age checks. */
    public static String tokenIssuedAgo(String tenantId, Duration age, String... roles) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(AUDIENCE);
        claims.setSubject("user@" + tenantId);
        claims.setIssuedAt(org.jose4j.jwt.NumericDate.fromSeconds(
                org.jose4j.jwt.NumericDate.now().getValue() - age.toSeconds()));
        claims.setExpirationTimeMinutesInTheFuture(60);
        claims.setGeneratedJwtId();
        claims.setStringListClaim("groups", List.of(roles));
        claims.setClaim(TENANT_CLAIM, tenantId);
        return sign(claims, KEY);
    }

    /** A well-formed token that fails verification because another key signed it. */
    public static String tokenSignedByAStranger(String tenantId) {
        try {
            var generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            JwtClaims claims = JwtClaims.parse("{}");
            claims.setIssuer(ISSUER);
            claims.setAudience(AUDIENCE);
            claims.setSubject("intruder");
            claims.setExpirationTimeMinutesInTheFuture(60);
            claims.setClaim(TENANT_CLAIM, tenantId);
            claims.setStringListClaim("groups", List.of("owner"));
            return sign(claims, generator.generateKeyPair().getPrivate());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The PEM text of the public key services verify dev tokens with. */
    public static String publicKeyPem() {
        return resource("dev-keys/public-key.pem");
    }

    private static String sign(JwtClaims claims, PrivateKey key) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setKeyIdHeaderValue("dev");
        jws.setHeader("typ", "JWT");
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey loadPrivateKey() {
        String pem = resource("dev-keys/private-key.pem")
                .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Dev private key unreadable", e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = DevTokens.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
