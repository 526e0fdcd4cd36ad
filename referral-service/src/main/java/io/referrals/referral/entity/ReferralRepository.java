package io.referrals.referral.entity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.referrals.events.ReferralStatus;
import io.referrals.platform.page.Page;
import io.referrals.platform.persistence.Pages;
import io.referrals.platform.rest.PageRequest;
import io.referrals.referral.rest.ReferralFilter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Every query is scoped to one practice: another practice's referral is simply not found. */
@ApplicationScoped
public class ReferralRepository implements PanacheRepositoryBase<Referral, UUID> {

    public Optional<Referral> findInTenant(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }

    /**
     * The most recent referral of the practice received since {@code since} whose referred email matches
     * (case-insensitive) or whose phone has the same digits.
     */
    public Optional<UUID> findRecentDuplicate(String tenantId, String email, String phoneDigits, Instant since) {
        if (email == null && phoneDigits == null) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<UUID> ids = getEntityManager().createNativeQuery("""
                select id from referral where tenant_id = ?1 and received_at >= ?2
                  and (lower(referred_email) = lower(?3)
                       or regexp_replace(referred_phone, '[^0-9]', '', 'g') = ?4)
                order by received_at desc, id limit 1""", UUID.class)
                .setParameter(1, tenantId).setParameter(2, since)
                .setParameter(3, email == null ? "" : email).setParameter(4, phoneDigits == null ? "" : phoneDigits)
                .getResultList();
        return ids.stream().findFirst();
    }

    /** The list narrowed by the filter; overdue means still received after the first-contact deadline at now. */
    public Page<Referral> list(String tenantId, ReferralFilter filter, Instant now, PageRequest page) {
        StringBuilder where = new StringBuilder("tenantId = :tenant");
        Parameters params = Parameters.with("tenant", tenantId);
        if (filter.partnerId != null) {
            where.append(" and partnerId = :partner");
            params = params.and("partner", filter.partnerId);
        }
        if (filter.status != null) {
            where.append(" and status = :status");
            params = params.and("status", filter.status);
        }
        Instant from = filter.receivedFromInstant();
        if (from != null) {
            where.append(" and receivedAt >= :from");
            params = params.and("from", from);
        }
        Instant to = filter.receivedToInstant();
        if (to != null) {
            where.append(" and receivedAt < :to");
            params = params.and("to", to);
        }
        if (filter.overdue != null) {
            where.append(filter.overdue ? " and status = :received and firstContactDueAt < :now"
                    : " and (status <> :received or firstContactDueAt >= :now)");
            params = params.and("received", ReferralStatus.RECEIVED).and("now", now);
        }
        return Pages.of(find(where.toString(), Sort.descending("receivedAt").and("id"), params), page.paging());
    }
}
