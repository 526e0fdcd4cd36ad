package io.referrals.platform.portal;

import io.referrals.platform.tenant.TenantIds;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies a partner's portal session token: RS256 over the portal key ({@link PortalConfig}), the portal issuer and
 * audience, unexpired, role {@code partner}, with a practice, a partner and a session id. A parser of its own, so that
 * a staff token (another issuer, audience and key) is never a portal session, and a portal token never passes the
 * staff check ({@code mp.jwt.*}) either.
 */
@ApplicationScoped
public class PortalSessions {
    public static final String ROLE = "partner";
    public static final String PRACTICE_CLAIM = "practice_id";
    public static final String PARTNER_CLAIM = "partner_id";
    public static final String SESSION_CLAIM = "sid";
    /**
     * Set (true) on a session the practice opened to see the portal as one partner sees it ("view as this partner"):
     * it reads what the partner reads and changes nothing.
     */
    public static final String READ_ONLY_CLAIM = "read_only";

    @Inject
    PortalConfig config;

    private volatile JWTParser parser;

    /**
     * What a verified session token says. {@code issuedAt} (whole seconds, as the token's {@code iat}) lets a service
     * refuse the sessions issued before a partner's access was revoked; {@code readOnly} marks the practice's "view as
     * this partner" session, which may read but never change anything.
     */
    public record Session(String tenantId, UUID partnerId, UUID sessionId, Instant issuedAt, boolean readOnly) {
        public Session(String tenantId, UUID partnerId, UUID sessionId, Instant issuedAt) {
            this(tenantId, partnerId, sessionId, issuedAt, false);
        }
    }

    /** The session the token proves, or empty when it proves none (forged, expired, a staff token, malformed). */
    public Optional<Session> verify(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        JsonWebToken jwt;
        try {
            jwt = parser().parse(token);
        } catch (ParseException e) {
            return Optional.empty();
        }
        Set<String> groups = jwt.getGroups();
        String tenantId = text(jwt.getClaim(PRACTICE_CLAIM));
        Optional<UUID> partnerId = uuid(jwt.getClaim(PARTNER_CLAIM));
        Optional<UUID> sessionId = uuid(jwt.getClaim(SESSION_CLAIM));
        if (groups == null
                || !groups.contains(ROLE)
                || !TenantIds.isValid(tenantId)
                || partnerId.isEmpty()
                || sessionId.isEmpty()
                || jwt.getIssuedAtTime() <= 0) {
            return Optional.empty();
        }
        return Optional.of(new Session(
                tenantId,
                partnerId.get(),
                sessionId.get(),
                Instant.ofEpochSecond(jwt.getIssuedAtTime()),
                readOnly(jwt.getClaim(READ_ONLY_CLAIM))));
    }

    private JWTParser parser() {
        JWTParser current = parser;
        if (current == null) {
            String location = config.publicKeyLocation()
                    .filter(value -> !value.isBlank())
                    .orElseThrow(() -> new IllegalStateException(
                            "PORTAL_JWT_PUBLIC_KEY_LOCATION is not set: this service answers no portal requests"));
            JWTAuthContextInfo info = new JWTAuthContextInfo(PemKeys.publicKey(location), config.issuer());
            info.setExpectedAudience(Set.of(config.audience()));
            current = new DefaultJWTParser(info);
            parser = current;
        }
        return current;
    }

    private static boolean readOnly(Object claim) {
        if (claim instanceof jakarta.json.JsonValue json) {
            return json == jakarta.json.JsonValue.TRUE;
        }
        return Boolean.TRUE.equals(claim);
    }

    private static String text(Object claim) {
        if (claim instanceof jakarta.json.JsonString json) {
            return json.getString();
        }
        return claim == null ? null : claim.toString();
    }

    private static Optional<UUID> uuid(Object claim) {
        String value = text(claim);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
