package io.referrals.notification.service.portal;

import io.quarkus.security.UnauthorizedException;
import io.referrals.events.CloudEvent;
import io.referrals.events.partner.PartnerPortalAccessChanged;
import io.referrals.notification.entity.PartnerContact;
import io.referrals.notification.entity.PartnerContactRepository;
import io.referrals.platform.persistence.Timestamps;
import io.referrals.platform.portal.EndedPortalSessions;
import io.referrals.platform.portal.PortalSessions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;

/**
 * Who may use the portal here. A portal session token proves a session partner-service started; whether the practice
 * has since taken the partner's access away is known here from partner-service's {@code PartnerPortalAccessChanged}
 * on this service's own copy of the partner, checked on every portal request: a revoked partner's sessions are
 * refused (401) from the event on, those issued before the latest revocation for good; so is a session signed out,
 * from its {@code PartnerPortalSessionEnded} on.
 */
@ApplicationScoped
public class PortalPartners {
    @Inject
    PartnerContactRepository partners;

    @Inject
    EndedPortalSessions endedSessions;

    @Inject
    Clock clock;

    /** Keeps the change on the partner's copy; a change older than the one it reflects, arriving late, is ignored. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onPortalAccessChanged(CloudEvent event, PartnerPortalAccessChanged data) {
        // Created when the partner's own events have not arrived yet, so that a revocation is never lost to ordering.
        PartnerContact partner = partners.lockOrCreate(event.tenantid(), data.partnerId(), Timestamps.now(clock));
        partner.portalAccess(partner.portalAccess().after(data));
        partner.updatedAt = Timestamps.now(clock);
    }

    /**
     * The session's partner in the session's practice, if known here, their access admits the session and the session
     * was not signed out (partner-service's {@code PartnerPortalSessionEnded}); else a 401 (a partner not known in that
     * practice is nobody there).
     */
    public PartnerContact require(PortalSessions.Session session) {
        return partners.find(session.tenantId(), session.partnerId())
                .filter(partner -> partner.portalAccess().admits(session.issuedAt()))
                .filter(partner -> !endedSessions.ended(session))
                .orElseThrow(() -> new UnauthorizedException("No open portal session"));
    }
}
