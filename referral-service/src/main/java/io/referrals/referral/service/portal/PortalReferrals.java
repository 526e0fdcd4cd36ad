package io.referrals.referral.service.portal;

import io.quarkus.security.UnauthorizedException;
import io.referrals.platform.page.Page;
import io.referrals.platform.page.Paging;
import io.referrals.referral.entity.KnownPartnerRepository;
import io.referrals.referral.entity.ReferralRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;

/**
 * What referral-service answers a signed-in partner: their own referrals, each as far as its consent allows. The
 * session's practice and partner scope every query; access the practice has revoked (known here from partner-service's
 * events) refuses the session at the next request.
 */
@ApplicationScoped
public class PortalReferrals {

    @Inject
    ReferralRepository referrals;

    @Inject
    KnownPartnerRepository partners;

    public Page<PortalReferral> list(String tenantId, UUID partnerId, Instant sessionIssuedAt, Paging paging) {
        requireAccess(tenantId, partnerId, sessionIssuedAt);
        return referrals.listAttributedTo(tenantId, partnerId, paging).map(PortalReferral::of);
    }

    private void requireAccess(String tenantId, UUID partnerId, Instant sessionIssuedAt) {
        boolean admitted = partners.findInTenant(tenantId, partnerId)
                .map(partner -> partner.admitsPortalSessionIssuedAt(sessionIssuedAt))
                .orElse(false);
        if (!admitted) {
            throw new UnauthorizedException("No open portal session");
        }
    }
}
