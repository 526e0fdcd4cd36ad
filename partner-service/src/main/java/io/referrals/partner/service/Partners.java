package io.referrals.partner.service;

import io.referrals.partner.entity.Partner;
import io.referrals.partner.entity.PartnerRepository;
import io.referrals.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/** Finds a practice's partner for the services, or answers 404: another practice's partner is not found either. */
@ApplicationScoped
public class Partners {

    @Inject
    PartnerRepository partners;

    public Partner get(String tenantId, UUID id) {
        return partners.findInTenant(tenantId, id).orElseThrow(() -> notFound(id));
    }

    /** The partner, locked until the transaction ends, so that concurrent changes to it queue up. */
    public Partner lock(String tenantId, UUID id) {
        return partners.findInTenantForUpdate(tenantId, id).orElseThrow(() -> notFound(id));
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("Partner", id);
    }
}
