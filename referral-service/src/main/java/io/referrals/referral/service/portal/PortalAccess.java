package io.referrals.referral.service.portal;

import io.quarkus.security.UnauthorizedException;
import io.referrals.platform.portal.EndedPortalSessions;
import io.referrals.platform.portal.PortalSessions;
import io.referrals.referral.entity.KnownPartnerRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Whether a verified portal session may still be used here: its partner is known in its practice, the practice has
 * not taken the partner's access away since the session was issued (partner-service's PartnerPortalAccessChanged, kept
 * on the partner's copy and decided by the shared {@link io.referrals.platform.portal.PortalAccess}), and the session
 * was not signed out (PartnerPortalSessionEnded, kept by {@link EndedPortalSessions}). Every portal answer of
 * referral-service asks first; a refusal is a 401.
 */
@ApplicationScoped
public class PortalAccess {

    @Inject
    KnownPartnerRepository partners;

    @Inject
    EndedPortalSessions endedSessions;

    public void require(PortalSessions.Session session) {
        boolean admitted = partners.findInTenant(session.tenantId(), session.partnerId())
                .map(partner -> partner.portalAccess().admits(session.issuedAt()))
                .orElse(false);
        if (!admitted || endedSessions.ended(session)) {
            throw new UnauthorizedException("No open portal session");
        }
    }
}
