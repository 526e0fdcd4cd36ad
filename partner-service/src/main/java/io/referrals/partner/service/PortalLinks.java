package io.referrals.partner.service;

import io.referrals.events.EventTypes;
import io.referrals.events.partner.PortalSignInLinkIssued;
import io.referrals.partner.entity.Partner;
import io.referrals.partner.entity.PortalAccess;
import io.referrals.partner.entity.PortalLinkPurpose;
import io.referrals.partner.entity.PortalSignInLink;
import io.referrals.partner.entity.PortalSignInLinkRepository;
import io.referrals.platform.outbox.Outbox;
import io.referrals.platform.persistence.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/**
 * Issues a sign-in link: a new token, its hash stored, and the link itself handed to notification-service through
 * the outbox on the portal's own topic (in the caller's transaction: no link is mailed that was not stored). The token
 * goes in the URL's fragment ({@code #token=}), which browsers never send to a server, so no access log holds it.
 */
@ApplicationScoped
public class PortalLinks {
    @Inject
    PortalSignInLinkRepository links;

    @Inject
    PortalSettings settings;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void issue(PortalAccess access, Partner partner, PortalLinkPurpose purpose) {
        Instant now = Timestamps.now(clock);
        Instant expiresAt = now.plus(settings.linkValidity());
        String token = PortalLinkTokens.newToken();
        links.persist(PortalSignInLink.of(PortalLinkTokens.hash(token), access, purpose, now, expiresAt));
        access.email = partner.email;
        outbox.publish(
                EventTypes.PORTAL_SIGN_IN_LINK_ISSUED,
                access.tenantId,
                access.partnerId,
                new PortalSignInLinkIssued(
                        partner.id,
                        partner.email,
                        partner.name,
                        signInUrl(token),
                        expiresAt,
                        purpose == PortalLinkPurpose.INVITATION
                                ? PortalSignInLinkIssued.Purpose.INVITATION
                                : PortalSignInLinkIssued.Purpose.SIGN_IN));
    }

    String signInUrl(String token) {
        String base = settings.baseUrl().replaceAll("/+$", "");
        return base + "/portal/sign-in#token=" + token;
    }
}
