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
     * The session of a verified token, if it is still open: recorded here as the token says (a partner's own session,
     * or the practice's read-only view), not signed out, not past its end, and the partner's access not revoked. A
     * partner's own session needs their access; the practice's view of a partner never invited needs none. Anything
     * else is a 401, so revoking and signing out take effect on the next request.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public PortalSession require(PortalSessions.Session current) {
        Instant now = Timestamps.now(clock);
        PortalSession session = sessions.findOf(current.tenantId(), current.partnerId(), current.sessionId())
                .filter(found -> found.openAt(now) && found.readOnly == current.readOnly())
                .orElseThrow(() -> new UnauthorizedException("Portal session ended"));
        var access = accesses.findInTenant(current.tenantId(), current.partnerId());
        boolean admitted = access.isPresent() ? !access.get().revoked() : session.readOnly;
        if (!admitted) {
            throw new UnauthorizedException("Portal access revoked");
        }
        return session;
    }
}
