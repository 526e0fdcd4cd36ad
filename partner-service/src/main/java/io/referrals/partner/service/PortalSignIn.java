package io.referrals.partner.service;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.security.UnauthorizedException;
import io.referrals.events.EventTypes;
import io.referrals.events.partner.PartnerPortalSessionEnded;
import io.referrals.partner.entity.Partner;
import io.referrals.partner.entity.PartnerRepository;
import io.referrals.partner.entity.PortalAccess;
import io.referrals.partner.entity.PortalAccessRepository;
import io.referrals.partner.entity.PortalAccessStatus;
import io.referrals.partner.entity.PortalLinkPurpose;
import io.referrals.partner.entity.PortalSession;
import io.referrals.partner.entity.PortalSessionRepository;
import io.referrals.partner.entity.PortalSignInLink;
import io.referrals.partner.entity.PortalSignInLinkRepository;
import io.referrals.platform.outbox.Outbox;
import io.referrals.platform.persistence.Timestamps;
import io.referrals.platform.portal.PortalSessions;
import io.referrals.platform.problem.Problem;
import io.referrals.platform.problem.ProblemException;
import io.referrals.platform.tenant.TenantIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The partner's side of the portal: ask for a sign-in link, exchange it for a session, prove the session, sign out.
 * A link request answers the same whether or not the address belongs to a partner with access (the resource answers
 * 202 either way), and every refused link (used, expired, revoked, tampered, another practice's) is the same 410.
 */
@ApplicationScoped
public class PortalSignIn {
    @Inject
    PortalSignInLimits limits;

    @Inject
    PartnerRepository partners;

    @Inject
    PortalAccessRepository accesses;

    @Inject
    PortalSignInLinkRepository links;

    @Inject
    PortalSessionRepository sessions;

    @Inject
    PortalLinks portalLinks;

    @Inject
    PortalSessionTokens tokens;

    @Inject
    PortalSettings settings;

    @Inject
    OpenPortalSessions openSessions;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /**
     * Counts the request (per client address and per email, known or not), then mails a link if the address is a
     * partner's of the practice with access that is not revoked; otherwise does nothing, silently.
     */
    public void requestLink(String practiceId, String email, String clientAddress) {
        if (!TenantIds.isValid(practiceId)) {
            throw ProblemException.invalidField("practiceId", "is not a practice id");
        }
        limits.count(email, clientAddress);
        issueIfEntitled(practiceId, email);
    }

    @Transactional
    void issueIfEntitled(String practiceId, String email) {
        Optional<Partner> partner =
                partners.findByEmail(practiceId, email.trim()).filter(p -> !p.isArchived());
        if (partner.isEmpty()) {
            return;
        }
        accesses.findInTenantForUpdate(practiceId, partner.get().id)
                .filter(access -> !access.revoked())
                .ifPresent(access -> portalLinks.issue(
                        access,
                        partner.get(),
                        access.status == PortalAccessStatus.INVITED
                                ? PortalLinkPurpose.INVITATION
                                : PortalLinkPurpose.SIGN_IN));
    }

    /**
     * Exchanges a link's token for a session: the link is marked used, the access becomes active with this sign-in,
     * and the session starts, all in one transaction (the link's row lock makes a second exchange wait and then find
     * it used). A {@code practiceId} (the portal page's practice) other than the link's refuses it like a used one.
     */
    @Transactional
    public SignedIn exchange(String token, String practiceId) {
        if (!PortalLinkTokens.wellFormed(token)) {
            throw linkGone();
        }
        Instant now = Timestamps.now(clock);
        String hash = PortalLinkTokens.hash(token);
        // The access first, then the link, as revoking does: the two never wait for each other's locks.
        PortalSignInLinkRepository.Owner owner = links.ownerOf(hash).orElseThrow(PortalSignIn::linkGone);
        PortalAccess access = accesses.findInTenantForUpdate(owner.tenantId(), owner.partnerId())
                .filter(found -> !found.revoked())
                .orElseThrow(PortalSignIn::linkGone);
        PortalSignInLink link = links.findForUpdate(hash).orElseThrow(PortalSignIn::linkGone);
        if (!link.usableAt(now) || (practiceId != null && !practiceId.equals(link.tenantId))) {
            throw linkGone();
        }
        Partner partner = partners.findInTenant(link.tenantId, link.partnerId)
                .filter(found -> !found.isArchived())
                .orElseThrow(PortalSignIn::linkGone);
        link.usedAt = now;
        access.status = PortalAccessStatus.ACTIVE;
        access.lastSignInAt = now;
        PortalSession session = PortalSession.start(access, now, now.plus(settings.sessionValidity()));
        sessions.persist(session);
        return new SignedIn(tokens.sign(session), session.expiresAt);
    }

    /** The partner's own details, for a session that is still open. */
    @Transactional
    public PortalProfile me(PortalSessions.Session current) {
        requireOpen(current);
        Partner partner = partners.findInTenant(current.tenantId(), current.partnerId())
                .orElseThrow(() -> new UnauthorizedException("Portal session refused"));
        return new PortalProfile(partner.id, partner.name, partner.email, partner.tenantId);
    }

    /**
     * Ends the session (the partner's own, or the practice's read-only view): its token is refused here from the next
     * request on, and by the other services answering portal requests once the announcement, published in the same
     * transaction, reaches them.
     */
    @Transactional
    public void signOut(PortalSessions.Session current) {
        PortalSession session = requireOpen(current);
        session.endedAt = Timestamps.now(clock);
        outbox.publish(
                EventTypes.PARTNER_PORTAL_SESSION_ENDED,
                session.tenantId,
                session.partnerId,
                new PartnerPortalSessionEnded(session.partnerId, session.sid, session.endedAt, session.expiresAt));
    }

    /** The session of a verified token, if it is still open; a 401 otherwise. */
    @Transactional(Transactional.TxType.MANDATORY)
    PortalSession requireOpen(PortalSessions.Session current) {
        return openSessions.require(current);
    }

    /** Used links and old request windows go after a day; a link expires long before. */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void cleanUp() {
        links.deleteExpiredBefore(Timestamps.now(clock).minus(java.time.Duration.ofDays(1)));
        limits.forgetOldWindows();
    }

    private static ProblemException linkGone() {
        return new ProblemException(Problem.of(
                410,
                "sign-in-link-gone",
                "Sign-in link used or expired",
                "This sign-in link was used already or has expired. Ask for a new one with your email address on the"
                        + " practice's portal page."));
    }
}
