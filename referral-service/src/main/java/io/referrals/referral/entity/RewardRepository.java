package io.referrals.referral.entity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.referrals.platform.page.Page;
import io.referrals.platform.page.Paging;
import io.referrals.platform.persistence.Pages;
import io.referrals.platform.persistence.Where;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/** Every query is scoped to one practice. */
@ApplicationScoped
public class RewardRepository implements PanacheRepositoryBase<Reward, UUID> {

    public Optional<Reward> findInTenant(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }

    /** Whether the referral already earned its fee under an agreement (it earns one at most). */
    public boolean hasFee(String tenantId, UUID referralId) {
        return count("tenantId = ?1 and referralId = ?2 and agreementId is not null", tenantId, referralId) > 0;
    }

    /** Newest first. */
    public Page<Reward> list(String tenantId, RewardQuery query, Paging paging) {
        Where where = Where.tenant(tenantId)
                .and("partnerId = :partner", "partner", query.partnerId())
                .and("referralId = :referral", "referral", query.referralId())
                .and("status = :status", "status", query.status());
        return Pages.of(find(where.query(), Sort.descending("earnedAt").and("id"), where.parameters()), paging);
    }
}
