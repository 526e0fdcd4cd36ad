package io.referrals.partner.service;

import io.quarkus.security.ForbiddenException;
import io.referrals.events.PartnerEditor;
import io.referrals.partner.entity.Partner;
import io.referrals.platform.portal.PortalSessions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * A signed-in partner's own details. Their change goes through {@link PartnerService#update}, the path of the
 * practice's edit: the fit is scored again, and {@code PartnerUpdated} is announced (changed by the partner) every time.
 */
@ApplicationScoped
public class PortalProfiles {
    @Inject
    OpenPortalSessions openSessions;

    @Inject
    Partners partners;

    @Inject
    PartnerService partnerService;

    @Transactional
    public Partner get(PortalSessions.Session session) {
        openSessions.require(session);
        return partners.get(session.tenantId(), session.partnerId());
    }

    /**
     * Replaces the partner's details; the session must be the partner's own ({@code CurrentPartner.sessionForChange}
     * refuses the practice's read-only view before this, and so does this). Marks the partner as updated by themselves.
     */
    @Transactional
    public Partner update(PortalSessions.Session session, PortalProfileUpdate command) {
        if (session.readOnly()) {
            throw new ForbiddenException("A view-as session of the practice reads only");
        }
        openSessions.require(session);
        Partner partner = partnerService.update(
                session.tenantId(), session.partnerId(), command.toPartnerUpdate(), PartnerEditor.PARTNER);
        partner.profileUpdatedByPartnerAt = partner.updatedAt;
        return partner;
    }
}
