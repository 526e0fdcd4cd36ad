package io.referrals.referral.entity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.referrals.platform.page.Page;
import io.referrals.platform.page.Paging;
import io.referrals.platform.persistence.Pages;
import io.referrals.platform.persistence.Where;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Every query is scoped to one practice. */
@ApplicationScoped
public class GivenReferralRepository implements PanacheRepositoryBase<GivenReferral, UUID> {

    /** Newest first: by the day given, then by when it was recorded. */
    public Page<GivenReferral> list(String tenantId, UUID partnerId, Paging paging) {
        Where where = Where.tenant(tenantId).and("partnerId = :partner", "partner", partnerId);
        return Pages.of(find(where.query(), Sort.descending("givenOn", "createdAt", "id"), where.parameters()), paging);
    }

    /** How many referrals the practice gave the partner. */
    public long countGivenTo(String tenantId, UUID partnerId) {
        return count("tenantId = ?1 and partnerId = ?2", tenantId, partnerId);
    }
}
