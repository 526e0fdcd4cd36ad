package io.referrals.partner.service;

import io.referrals.events.EventTypes;
import io.referrals.events.partner.PartnerPortalAccessChanged;
import io.referrals.partner.entity.Partner;
import io.referrals.partner.entity.PartnerRepository;
import io.referrals.partner.entity.PortalAccess;
import io.referrals.partner.entity.PortalAccessRepository;
import io.referrals.partner.entity.PortalAccessStatus;
import io.referrals.partner.entity.PortalLinkPurpose;
import io.referrals.partner.entity.PortalSessionRepository;
import io.referrals.partner.entity.PortalSignInLinkRepository;
import io.referrals.platform.outbox.Outbox;
import io.referrals.platform.page.Page;
import io.referrals.platform.page.Paging;
import io.referrals.platform.persistence.Timestamps;
import io.referrals.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The practice's side of the portal: invite a partner, send a new link, revoke, list who has access. */
@ApplicationScoped
public class PortalAccessService {
    @Inject
    Partners partners;

    @Inject
    PartnerRepository partnerRecords;

    @Inject
    PortalAccessRepository accesses;

    @Inject
    PortalSessionRepository sessions;

    @Inject
    PortalSignInLinkRepository links;

    @Inject
    PortalLinks portalLinks;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** Gives a partner access and mails the invitation; a partner who has access already is a 409. */
    @Transactional
    public PortalAccessEntry invite(String tenantId, UUID partnerId) {
        Partner partner = partners.lock(tenantId, partnerId);
        partner.rejectIfArchived();
        if (partner.email == null || partner.email.isBlank()) {
            throw ProblemException.unprocessable(
                    "partner-has-no-email",
                    "Partner has no email address",
                    "The invitation is a sign-in link by email: add the partner's email address first.");
        }
        Instant now = Timestamps.now(clock);
        PortalAccess access =
                accesses.findInTenantForUpdate(tenantId, partnerId).orElse(null);
        if (access != null && !access.revoked()) {
            throw ProblemException.conflict(
                    "portal-access-exists",
                    "Partner has portal access",
                    "The partner was invited already; send a new sign-in link instead.",
                    Map.of("accessStatus", access.status.json()));
        }
        if (access == null) {
            access = PortalAccess.invite(partner, now);
            accesses.persist(access);
        } else {
            access.reinvite(partner.email, now);
        }
        announce(access, PartnerPortalAccessChanged.Access.GRANTED, now);
        portalLinks.issue(access, partner, PortalLinkPurpose.INVITATION);
        return new PortalAccessEntry(access, partner.name);
    }

    /** Mails the partner a new link: the invitation again until they first sign in, a sign-in link after. */
    @Transactional
    public PortalAccessEntry sendLink(String tenantId, UUID partnerId) {
        Partner partner = partners.lock(tenantId, partnerId);
        partner.rejectIfArchived();
        PortalAccess access = accesses.findInTenantForUpdate(tenantId, partnerId)
                .filter(found -> !found.revoked())
                .orElseThrow(() -> ProblemException.conflict(
                        "no-portal-access",
                        "Partner has no portal access",
                        "Invite the partner to the portal first.",
                        Map.of()));
        if (partner.email == null || partner.email.isBlank()) {
            throw ProblemException.unprocessable(
                    "partner-has-no-email",
                    "Partner has no email address",
                    "A sign-in link goes by email: add the partner's email address first.");
        }
        portalLinks.issue(
                access,
                partner,
                access.status == PortalAccessStatus.INVITED ? PortalLinkPurpose.INVITATION : PortalLinkPurpose.SIGN_IN);
        return new PortalAccessEntry(access, partner.name);
    }

    /**
     * Takes the partner's access away: their sessions end and their unused links stop working, so their next request
     * is refused. Revoking a revoked access changes nothing; a partner never invited is a 404.
     */
    @Transactional
    public void revoke(String tenantId, UUID partnerId) {
        partners.get(tenantId, partnerId);
        PortalAccess access = accesses.findInTenantForUpdate(tenantId, partnerId)
                .orElseThrow(() -> ProblemException.notFound("Portal access of partner", partnerId));
        if (access.revoked()) {
            return;
        }
        Instant now = Timestamps.now(clock);
        access.status = PortalAccessStatus.REVOKED;
        access.revokedAt = now;
        sessions.endAll(tenantId, partnerId, now);
        links.expireUnused(tenantId, partnerId, now);
        announce(access, PartnerPortalAccessChanged.Access.REVOKED, now);
    }

    /** Who has or had access, the latest invited first, with each partner's name. */
    public Page<PortalAccessEntry> list(String tenantId, Paging paging) {
        Page<PortalAccess> page = accesses.page(tenantId, paging);
        List<UUID> ids = page.items().stream().map(access -> access.partnerId).toList();
        Map<UUID, String> names = ids.isEmpty()
                ? Map.of()
                : partnerRecords.list("tenantId = ?1 and id in ?2", tenantId, ids).stream()
                        .collect(Collectors.toMap(partner -> partner.id, partner -> partner.name));
        Function<PortalAccess, PortalAccessEntry> entry =
                access -> new PortalAccessEntry(access, names.get(access.partnerId));
        return page.map(entry);
    }

    private void announce(PortalAccess access, PartnerPortalAccessChanged.Access change, Instant now) {
        outbox.publish(
                EventTypes.PARTNER_PORTAL_ACCESS_CHANGED,
                access.tenantId,
                access.partnerId,
                new PartnerPortalAccessChanged(access.partnerId, change, now));
    }
}
