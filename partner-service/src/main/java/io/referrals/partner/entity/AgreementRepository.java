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

    /** The most agreements a partner's list answers. */
    public static final int MAX_LISTED = 200;

    /** The partner's agreements, newest first: the {@link #MAX_LISTED} newest. */
    public List<Agreement> listForPartner(String tenantId, UUID partnerId) {
        return find(
                        "tenantId = ?1 and partnerId = ?2",
                        Sort.by("createdAt", Sort.Direction.Descending).and("id", Sort.Direction.Descending),
                        tenantId,
                        partnerId)
                .range(0, MAX_LISTED - 1)
                .list();
    }
}
