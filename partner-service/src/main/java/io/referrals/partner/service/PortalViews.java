package io.referrals.partner.service;

import io.referrals.partner.entity.Partner;
import io.referrals.partner.entity.PortalAccessRepository;
import io.referrals.partner.entity.PortalSession;
import io.referrals.partner.entity.PortalSessionRepository;
import io.referrals.platform.persistence.Timestamps;
import io.referrals.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The practice's "view as this partner": a read-only portal session of one partner, short (15 minutes), recorded with
 * who opened it so that it can be ended like any session (signing out, or revoking the partner's access). It shows
 * what the partner would see, whether or not they were invited yet; a partner whose access was revoked sees nothing
 * (every service refuses their sessions), so neither does the view (409), nor of an archived partner (409).
 */
@ApplicationScoped
public class PortalViews {
    @Inject
    Partners partners;

    @Inject
    PortalAccessRepository accesses;

    @Inject
    PortalSessionRepository sessions;

    @Inject
    PortalSessionTokens tokens;

    @Inject
    PortalSettings settings;

    @Inject
    Clock clock;

    @Transactional
    public SignedIn open(String tenantId, UUID partnerId, String openedBy) {
        Partner partner = partners.get(tenantId, partnerId);
        partner.rejectIfArchived();
        accesses.findInTenant(tenantId, partnerId)
                .filter(access -> access.revoked())
                .ifPresent(access -> {
                    throw ProblemException.conflict(
                            "portal-access-revoked",
                            "Partner's portal access is revoked",
                            "A partner whose access was revoked sees nothing in the portal; invite them again first.",
                            Map.of());
                });
        Instant now = Timestamps.now(clock);
        PortalSession session = PortalSession.viewAs(partner, openedBy, now, now.plus(settings.viewValidity()));
        sessions.persist(session);
        return new SignedIn(tokens.sign(session), session.expiresAt);
    }
}
