package io.referrals.referral.service.portal;

import io.referrals.events.ReferralChannel;
import io.referrals.platform.idempotency.IdempotencyKeys;
import io.referrals.platform.page.Page;
import io.referrals.platform.page.Paging;
import io.referrals.platform.portal.PortalSessions;
import io.referrals.platform.problem.Problem;
import io.referrals.platform.problem.ProblemException;
import io.referrals.referral.entity.Referral;
import io.referrals.referral.entity.ReferralRepository;
import io.referrals.referral.service.BookingLinks;
import io.referrals.referral.service.ReferralCommands;
import io.referrals.referral.service.ReferralService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What referral-service answers a signed-in partner about the referrals they made: their own, each as far as its
 * consent allows, and a new one they refer themselves. The session's practice and partner scope every query; access
 * the practice has revoked (known here from partner-service's events) refuses the session at the next request.
 */
@ApplicationScoped
public class PortalReferrals {
    /** An Idempotency-Key's own length, so that the partner-scoped key stays within the platform's limit. */
    static final int MAX_KEY_LENGTH = 200;

    @Inject
    ReferralRepository referrals;

    @Inject
    ReferralService service;

    @Inject
    PortalAccess access;

    @Inject
    BookingLinks bookingLinks;

    public Page<PortalReferral> list(PortalSessions.Session session, Paging paging) {
        access.require(session);
        var links = bookingLinks.linkerFor(session.tenantId());
        return referrals
                .listAttributedTo(session.tenantId(), session.partnerId(), paging)
                .map(r -> PortalReferral.of(r, links.apply(r)));
    }

    /** One of the partner's referrals; another partner's, another practice's or an unconfirmed one is a 404. */
    public PortalReferral get(PortalSessions.Session session, UUID id) {
        access.require(session);
        return referrals
                .findAttributedTo(session.tenantId(), session.partnerId(), id)
                .map(r -> PortalReferral.of(r, bookingLinks.linkFor(r)))
                .orElseThrow(() -> ProblemException.notFound("Referral", id));
    }

    /**
     * The key under which a partner's {@code Idempotency-Key} is kept: per partner, so that it never meets the
     * practice's own keys or another partner's. Checks the session's access first, so that a revoked partner's retry
     * is refused rather than replayed.
     */
    public String idempotencyKey(PortalSessions.Session session, String key) {
        access.require(session);
        if (key == null) {
            return null;
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw ProblemException.invalidField(
                    IdempotencyKeys.HEADER, "must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        return "portal:" + session.partnerId() + ":" + key;
    }

    /**
     * The partner refers someone: recorded as every referral is ({@link ReferralService#receive}: duplicate check,
     * first-contact deadline, ReferralReceived through the outbox), through the channel {@code portal}, attributed to
     * the session's partner and verified, since the partner is signed in.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public PortalReferral refer(PortalSessions.Session session, PortalReferralCommands.Refer request) {
        access.require(session);
        requireAContact(request);
        ReferralCommands.Receive receive = new ReferralCommands.Receive(
                session.partnerId(),
                null,
                new ReferralCommands.ReferredPerson(request.fullName(), request.email(), request.phone()),
                request.need(),
                request.consent());
        Referral referral = service.receive(session.tenantId(), receive, ReferralChannel.PORTAL);
        return PortalReferral.of(referral, bookingLinks.linkFor(referral));
    }

    private static void requireAContact(PortalReferralCommands.Refer request) {
        if (isBlank(request.email()) && isBlank(request.phone())) {
            List<Problem.FieldError> errors = new ArrayList<>();
            errors.add(
                    new Problem.FieldError("email", "give an email or a phone number: the practice has to reach them"));
            errors.add(
                    new Problem.FieldError("phone", "give an email or a phone number: the practice has to reach them"));
            throw ProblemException.invalidFields(errors);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
