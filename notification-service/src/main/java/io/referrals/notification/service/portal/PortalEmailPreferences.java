package io.referrals.notification.service.portal;

import io.referrals.notification.entity.PartnerContact;
import io.referrals.notification.entity.PartnerContactRepository;
import io.referrals.platform.persistence.Timestamps;
import io.referrals.platform.portal.PortalSessions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/**
 * A signed-in partner's choice of the practice's emails. Kept on this service's copy of the partner and read wherever
 * a message to them is written, queued or sent ({@code PartnerContact.emailRefusal}): a kind turned off is suppressed
 * with the reason and the practice asked to say it in person, as for an unsubscribe. The portal's sign-in mail is
 * never among them.
 */
@ApplicationScoped
public class PortalEmailPreferences {
    @Inject
    PortalPartners portalPartners;

    @Inject
    PartnerContactRepository partners;

    @Inject
    Clock clock;

    public EmailPreferences get(PortalSessions.Session session) {
        return EmailPreferences.of(portalPartners.require(session));
    }

    /**
     * Stores the partner's choice; turning any kind on again ends an unsubscribe made by an email's link (the
     * partner's newer word), turning everything off leaves it as it was.
     */
    @Transactional
    public EmailPreferences put(PortalSessions.Session session, EmailPreferences wanted) {
        portalPartners.require(session);
        Instant now = Timestamps.now(clock);
        PartnerContact partner = partners.lockOrCreate(session.tenantId(), session.partnerId(), now);
        partner.wantsThankYous = wanted.thankYous();
        partner.wantsReferralUpdates = wanted.referralUpdates();
        partner.wantsCheckIns = wanted.checkIns();
        partner.wantsNews = wanted.news();
        if (wanted.wantsAny()) {
            partner.unsubscribedAt = null;
        }
        partner.emailPreferencesChangedAt = now;
        partner.updatedAt = now;
        return EmailPreferences.of(partner);
    }
}
