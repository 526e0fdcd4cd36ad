package io.referrals.referral.entity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.referrals.platform.page.Page;
import io.referrals.platform.page.Paging;
import io.referrals.platform.persistence.Pages;
import io.referrals.platform.persistence.Where;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Tenant-scoped look-ups, plus the one look-up by token hash that tells the public intake its practice. */
@ApplicationScoped
public class IntakeLinkRepository implements PanacheRepositoryBase<IntakeLink, UUID> {

    public Optional<IntakeLink> findInTenant(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }

    /** The active (not revoked) link with this token hash. */
    public Optional<IntakeLink> findActiveByTokenHash(String tokenHash) {
        return find("tokenHash = ?1 and revokedAt is null", tokenHash).firstResultOptional();
    }

    /** Newest first, revoked ones included. */
    public Page<IntakeLink> list(String tenantId, Paging paging) {
        Where where = Where.tenant(tenantId);
        return Pages.of(find(where.query(), Sort.descending("createdAt").and("id"), where.parameters()), paging);
    }

    /**
     * Counts one request in the link's current minute window and answers the count so far, across replicas:
     * the upsert takes the window row's lock only for its own short transaction.
     */
    public int countRequest(UUID linkId, Instant windowStart) {
        Object count = getEntityManager()
                .createNativeQuery("""
                insert into intake_rate_window (link_id, window_start, requests) values (?1, ?2, 1)
                on conflict (link_id, window_start) do update set requests = intake_rate_window.requests + 1
                returning requests""")
                .setParameter(1, linkId)
                .setParameter(2, windowStart)
                .getSingleResult();
        return ((Number) count).intValue();
    }

    public void deleteWindowsBefore(Instant before) {
        getEntityManager()
                .createNativeQuery("delete from intake_rate_window where window_start < ?1")
                .setParameter(1, before)
                .executeUpdate();
    }
}
