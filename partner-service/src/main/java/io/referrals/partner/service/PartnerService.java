package io.referrals.partner.service;

import io.referrals.events.EventTypes;
import io.referrals.partner.entity.Partner;
import io.referrals.partner.entity.PartnerRepository;
import io.referrals.partner.mapping.PartnerMapper;
import io.referrals.partner.rest.PartnerRequests;
import io.referrals.platform.outbox.Outbox;
import io.referrals.platform.problem.ProblemException;
import io.referrals.platform.rest.Page;
import io.referrals.platform.rest.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** Partner records of one practice; each change and its event commit together. */
@ApplicationScoped
public class PartnerService {

    @Inject
    PartnerRepository partners;

    @Inject
    Outbox outbox;

    @Transactional
    public Partner create(String tenantId, PartnerRequests.Create request) {
        String email = normalizeEmail(request.email());
        rejectDuplicateEmail(tenantId, email, null);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Partner partner = new Partner();
        partner.id = UUID.randomUUID();
        partner.tenantId = tenantId;
        partner.name = request.name().strip();
        partner.email = email;
        partner.category = request.category();
        partner.createdAt = now;
        partner.updatedAt = now;
        partners.persist(partner);
        outbox.publish(EventTypes.PARTNER_CREATED, tenantId, partner.id, PartnerMapper.toCreated(partner));
        return partner;
    }

    @Transactional
    public Partner update(String tenantId, UUID id, PartnerRequests.Update request) {
        Partner partner = get(tenantId, id);
        String name = request.name() == null ? partner.name : request.name().strip();
        String email = request.email() == null ? partner.email : normalizeEmail(request.email());
        var category = request.category() == null ? partner.category : request.category();
        if (name.equals(partner.name) && Objects.equals(email, partner.email) && category == partner.category) {
            return partner;
        }
        if (email != null && !email.equalsIgnoreCase(Objects.requireNonNullElse(partner.email, ""))) {
            rejectDuplicateEmail(tenantId, email, id);
        }
        partner.name = name;
        partner.email = email;
        partner.category = category;
        partner.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        outbox.publish(EventTypes.PARTNER_UPDATED, tenantId, partner.id, PartnerMapper.toUpdated(partner));
        return partner;
    }

    public Partner get(String tenantId, UUID id) {
        return partners.findInTenant(tenantId, id).orElseThrow(() -> ProblemException.notFound("Partner", id));
    }

    public Page<Partner> list(String tenantId, PageRequest page) {
        return partners.list(tenantId, page);
    }

    private void rejectDuplicateEmail(String tenantId, String email, UUID self) {
        if (email == null) {
            return;
        }
        partners.findByEmail(tenantId, email).filter(existing -> !existing.id.equals(self)).ifPresent(existing -> {
            throw ProblemException.conflict("duplicate-partner", "Partner already exists",
                    "A partner with email " + email + " already exists in this practice.",
                    Map.of("existingPartnerId", existing.id));
        });
    }

    private static String normalizeEmail(String email) {
        return email == null || email.isBlank() ? null : email.strip();
    }
}
