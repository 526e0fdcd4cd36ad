package io.referrals.partner.entity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.referrals.platform.page.Page;
import io.referrals.platform.page.Paging;
import io.referrals.platform.persistence.Pages;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/** Touchpoints of one practice's partners: another practice's, or another partner's, is not found. */
@ApplicationScoped
public class TouchpointRepository implements PanacheRepositoryBase<Touchpoint, UUID> {

    /** A partner's touchpoints, newest first. */
    public Page<Touchpoint> page(String tenantId, UUID partnerId, Paging paging) {
        return Pages.of(
                find(
                        "tenantId = ?1 and partnerId = ?2",
                        Sort.descending("occurredAt", "createdAt").and("id"),
                        tenantId,
                        partnerId),
                paging);
    }

    public Optional<Touchpoint> findForPartner(String tenantId, UUID partnerId, UUID id) {
        return find("tenantId = ?1 and partnerId = ?2 and id = ?3", tenantId, partnerId, id)
                .firstResultOptional();
    }
}
