package io.referrals.partner.entity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Agreements of one practice's partners: another practice's agreement, or another partner's, is not found. */
@ApplicationScoped
public class AgreementRepository implements PanacheRepositoryBase<Agreement, UUID> {

    public Optional<Agreement> findForPartner(String tenantId, UUID partnerId, UUID id) {
        return find("tenantId = ?1 and partnerId = ?2 and id = ?3", tenantId, partnerId, id)
                .firstResultOptional();
    }

    public Optional<Agreement> findActive(String tenantId, UUID partnerId) {
        return find("tenantId = ?1 and partnerId = ?2 and status = ?3", tenantId, partnerId, AgreementStatus.ACTIVE)
                .firstResultOptional();
    }

    /** Every agreement of the partner, newest first. */
    public List<Agreement> listForPartner(String tenantId, UUID partnerId) {
        return list(
                "tenantId = ?1 and partnerId = ?2",
                Sort.by("createdAt", Sort.Direction.Descending).and("id", Sort.Direction.Descending),
                tenantId,
                partnerId);
    }
}
