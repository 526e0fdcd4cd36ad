package io.referrals.partner.service;

import io.quarkus.security.UnauthorizedException;
import io.referrals.partner.entity.PortalAccessRepository;
import io.referrals.partner.entity.PortalSession;
import io.referrals.partner.entity.PortalSessionRepository;
import io.referrals.platform.persistence.Timestamps;
import io.referrals.platform.portal.PortalSessions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/**
 * Whether a verified portal token's session is still open, checked on every portal request partner-service answers:
 * the token proves only that a session was started.
 */
@ApplicationScoped
public class OpenPortalSessions {
    @Inject
    PortalSessionRepository sessions;

    @Inject
    PortalAccessRepository accesses;

    @Inject
    Clock clock;

    /**
     * The session of a verified token, if it is still open: not signed out, not past its end, the partner's access not
     * revoked. Anything else is a 401, so revoking and signing out take effect on the next request.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public PortalSession require(PortalSessions.Session current) {
        Instant now = Timestamps.now(clock);
        PortalSession session = sessions.findOf(current.tenantId(), current.partnerId(), current.sessionId())
                .filter(found -> found.openAt(now))
                .orElseThrow(() -> new UnauthorizedException("Portal session ended"));
        accesses.findInTenant(current.tenantId(), current.partnerId())
                .filter(access -> !access.revoked())
                .orElseThrow(() -> new UnauthorizedException("Portal access revoked"));
        return session;
    }
}
