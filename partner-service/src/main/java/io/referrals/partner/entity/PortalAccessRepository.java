package io.referrals.partner.entity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.referrals.platform.page.Page;
import io.referrals.platform.page.Paging;
import io.referrals.platform.persistence.Pages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;

/** Portal access of one practice's partners: another practice's is not found. */
@ApplicationScoped
public class PortalAccessRepository implements PanacheRepositoryBase<PortalAccess, UUID> {

    public Optional<PortalAccess> findInTenant(String tenantId, UUID partnerId) {
        return find("tenantId = ?1 and partnerId = ?2", tenantId, partnerId).firstResultOptional();
    }

    public Optional<PortalAccess> findInTenantForUpdate(String tenantId, UUID partnerId) {
        return find("tenantId = ?1 and partnerId = ?2", tenantId, partnerId)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /** Who has (or had) access, the latest invited first. */
    public Page<PortalAccess> page(String tenantId, Paging paging) {
        return Pages.of(find("tenantId = ?1", Sort.descending("invitedAt").and("partnerId"), tenantId), paging);
    }
}
