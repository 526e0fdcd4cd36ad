package io.referrals.referral.service.portal;

import io.quarkus.security.UnauthorizedException;
import io.referrals.platform.portal.PortalSessions;
import io.referrals.referral.entity.KnownPartnerRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Whether a verified portal session may still be used here: its partner is known in its practice and the practice has
 * not taken the partner's access away since the session was issued (known from partner-service's
 * PartnerPortalAccessChanged). Every portal answer of referral-service asks first; a refusal is a 401.
 */
@ApplicationScoped
public class PortalAccess {

    @Inject
    KnownPartnerRepository partners;

    public void require(PortalSessions.Session session) {
        boolean admitted = partners.findInTenant(session.tenantId(), session.partnerId())
                .map(partner -> partner.admitsPortalSessionIssuedAt(session.issuedAt()))
                .orElse(false);
        if (!admitted) {
            throw new UnauthorizedException("No open portal session");
        }
    }
}
