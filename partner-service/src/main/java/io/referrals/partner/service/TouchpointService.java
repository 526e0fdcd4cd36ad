package io.referrals.partner.service;

import io.referrals.events.EventTypes;
import io.referrals.events.partner.TouchpointLogged;
import io.referrals.partner.entity.Partner;
import io.referrals.partner.entity.PartnerRepository;
import io.referrals.partner.entity.Practice;
import io.referrals.partner.entity.Touchpoint;
import io.referrals.partner.rest.TouchpointRequest;
import io.referrals.platform.outbox.Outbox;
import io.referrals.platform.persistence.Timestamps;
import io.referrals.platform.problem.ProblemException;
import io.referrals.platform.page.Page;
import io.referrals.platform.rest.PageRequest;
import io.referrals.platform.text.Text;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Contacts with partners. Logging one moves the partner's last touchpoint forward (never back: a back-dated
 * touchpoint is history, not news) and with it the next check-in; the change and its event commit together.
 */
@ApplicationScoped
public class TouchpointService {
    /** Allows for clocks and time zones; anything later is a typo. */
    static final Duration MAX_AHEAD = Duration.ofDays(1);

    @Inject
    PartnerRepository partners;

    @Inject
    PartnerService partnerService;

    @Inject
    Outbox outbox;

    @Transactional
    public Touchpoint log(String tenantId, UUID partnerId, TouchpointRequest request, String userId) {
        Partner partner = partners.findInTenantForUpdate(tenantId, partnerId)
                .orElseThrow(() -> ProblemException.notFound("Partner", partnerId));
        PartnerService.rejectArchived(partner);
        Instant now = Timestamps.now();
        Instant occurredAt = request.occurredAt() == null ? now : Timestamps.stored(request.occurredAt());
        if (occurredAt.isAfter(now.plus(MAX_AHEAD))) {
            throw ProblemException.invalidField("occurredAt", "must not be more than one day in the future");
        }
        Touchpoint touchpoint = new Touchpoint();
        touchpoint.id = UUID.randomUUID();
        touchpoint.tenantId = tenantId;
        touchpoint.partnerId = partner.id;
        touchpoint.kind = request.kind();
        touchpoint.occurredAt = occurredAt;
        touchpoint.note = Text.blankToNull(request.note());
        touchpoint.createdBy = userId;
        touchpoint.createdAt = now;
        touchpoint.persist();

        if (partner.lastTouchpointAt == null || occurredAt.isAfter(partner.lastTouchpointAt)) {
            partner.lastTouchpointAt = occurredAt;
        }
        PartnerService.refreshDerived(partner, Practice.of(tenantId));
        partner.updatedAt = now;
        outbox.publish(EventTypes.TOUCHPOINT_LOGGED, tenantId, partner.id, new TouchpointLogged(touchpoint.id,
                partner.id, touchpoint.kind.json(), touchpoint.occurredAt, partner.nextCheckInDue));
        return touchpoint;
    }

    public Page<Touchpoint> list(String tenantId, UUID partnerId, PageRequest page) {
        partnerService.get(tenantId, partnerId);
        return Touchpoint.page(tenantId, partnerId, page);
    }

    public Touchpoint get(String tenantId, UUID partnerId, UUID id) {
        partnerService.get(tenantId, partnerId);
        return Touchpoint.findInTenant(tenantId, partnerId, id)
                .orElseThrow(() -> ProblemException.notFound("Touchpoint", id));
    }
}
