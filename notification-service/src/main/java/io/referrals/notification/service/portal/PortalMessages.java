package io.referrals.notification.service.portal;

import io.referrals.notification.entity.NotificationRepository;
import io.referrals.platform.page.Page;
import io.referrals.platform.page.Paging;
import io.referrals.platform.portal.PortalSessions;
import io.referrals.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * The messages the practice sent a signed-in partner (thank-yous, referral updates, check-ins, outreach,
 * introductions): only those the SMTP server accepted for that partner of that practice, never a draft or an unsent
 * message, never one to anyone else. Scoped by the session's practice and partner; anything else by id is a 404.
 */
@ApplicationScoped
public class PortalMessages {
    @Inject
    NotificationRepository notifications;

    @Inject
    PortalPartners partners;

    public Page<PortalMessage> list(PortalSessions.Session session, Paging paging) {
        partners.require(session);
        return notifications
                .sentTo(session.tenantId(), session.partnerId(), paging)
                .map(PortalMessage::of);
    }

    public PortalMessage get(PortalSessions.Session session, UUID id) {
        partners.require(session);
        return notifications
                .findSentTo(session.tenantId(), session.partnerId(), id)
                .map(PortalMessage::of)
                .orElseThrow(() -> ProblemException.notFound("Message", id));
    }
}
