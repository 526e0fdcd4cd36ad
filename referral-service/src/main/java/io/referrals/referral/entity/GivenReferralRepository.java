package io.referrals.referral.entity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.referrals.platform.page.Page;
import io.referrals.platform.persistence.Pages;
import io.referrals.platform.rest.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Every query is scoped to one practice. */
@ApplicationScoped
public class GivenReferralRepository implements PanacheRepositoryBase<GivenReferral, UUID> {

    /** Newest first: by the day given, then by when it was recorded. */
    public Page<GivenReferral> list(String tenantId, UUID partnerId, PageRequest page) {
        String where = partnerId == null ? "tenantId = :tenant" : "tenantId = :tenant and partnerId = :partner";
        Parameters params = Parameters.with("tenant", tenantId);
        if (partnerId != null) {
            params = params.and("partner", partnerId);
        }
        return Pages.of(find(where, Sort.descending("givenOn", "createdAt", "id"), params), page.paging());
    }
}
