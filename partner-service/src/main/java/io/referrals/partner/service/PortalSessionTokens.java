package io.referrals.partner.service;

import io.referrals.partner.entity.PortalSession;
import io.referrals.platform.portal.PemKeys;
import io.referrals.platform.portal.PortalConfig;
import io.referrals.platform.portal.PortalSessions;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.PrivateKey;
import java.util.Set;

/**
 * Signs a partner's session token (RS256, partner-service's portal key, never the staff identity provider's): issuer
 * {@code PORTAL_JWT_ISSUER}, audience {@code referral-portal}, claims {@code practice_id}, {@code partner_id},
 * {@code sid}, groups {@code [partner]}, expiring with the session; {@code read_only} on the practice's "view as this
 * partner" session. {@code PortalSessions} (service-runtime) verifies
 * it in every service.
 */
@ApplicationScoped
public class PortalSessionTokens {
    @Inject
    PortalSettings settings;

    @Inject
    PortalConfig portal;

    private volatile PrivateKey key;

    public String sign(PortalSession session) {
        var claims = Jwt.issuer(portal.issuer())
                .audience(portal.audience())
                .subject(session.partnerId.toString())
                .groups(Set.of(PortalSessions.ROLE))
                .claim(PortalSessions.PRACTICE_CLAIM, session.tenantId)
                .claim(PortalSessions.PARTNER_CLAIM, session.partnerId.toString())
                .claim(PortalSessions.SESSION_CLAIM, session.sid.toString())
                .issuedAt(session.createdAt)
                .expiresAt(session.expiresAt);
        if (session.readOnly) {
            claims.claim(PortalSessions.READ_ONLY_CLAIM, true);
        }
        return claims.jws().keyId("portal").sign(key());
    }

    private PrivateKey key() {
        PrivateKey current = key;
        if (current == null) {
            current = PemKeys.privateKey(settings.privateKeyLocation());
            key = current;
        }
        return current;
    }
}
