package io.referrals.referral.entity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.referrals.platform.rest.Page;
import io.referrals.platform.rest.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/** Every query is scoped to one practice: another practice's referral is simply not found. */
@ApplicationScoped
public class ReferralRepository implements PanacheRepositoryBase<Referral, UUID> {

    public Optional<Referral> findInTenant(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }

    public Page<Referral> list(String tenantId, UUID partnerId, PageRequest page) {
        String where = partnerId == null ? "tenantId = :tenant" : "tenantId = :tenant and partnerId = :partner";
        Parameters params = Parameters.with("tenant", tenantId);
        if (partnerId != null) {
            params = params.and("partner", partnerId);
        }
        var query = find(where, Sort.descending("receivedAt").and("id"), params).page(page.page, page.size);
        return new Page<>(query.list(), page.page, page.size, query.count());
    }
}
