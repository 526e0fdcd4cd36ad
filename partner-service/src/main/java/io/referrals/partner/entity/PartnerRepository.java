package io.referrals.partner.entity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.referrals.platform.rest.Page;
import io.referrals.platform.rest.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/** Every query is scoped to one practice: another practice's partner is simply not found. */
@ApplicationScoped
public class PartnerRepository implements PanacheRepositoryBase<Partner, UUID> {

    public Optional<Partner> findInTenant(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }

    public Optional<Partner> findByEmail(String tenantId, String email) {
        return find("tenantId = ?1 and lower(email) = lower(?2)", tenantId, email).firstResultOptional();
    }

    public Page<Partner> list(String tenantId, PageRequest page) {
        var query = find("tenantId = ?1", Sort.by("name").and("id"), tenantId).page(page.page, page.size);
        return new Page<>(query.list(), page.page, page.size, query.count());
    }
}
