package io.referrals.metrics.entity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every row a practice's projections write, as one set: a rebuild fills a copy under a staging tenant id, then
 * {@link #swap} moves it in. New-client counts (entered by hand, not from events) and rebuild runs are not part of it.
 */
@ApplicationScoped
public class ReadModelTables {
    /** Tables whose rows belong to one tenant and are replaced wholesale by a swap. */
    private static final List<String> REPLACED = List.of(
            "metrics_bucket",
            "metrics_bucket_month",
            "partner_amount",
            "metrics_referral",
            "metrics_given",
            "metrics_reward",
            "partner_metrics");

    @Inject
    EntityManager em;

    @Inject
    BucketRepository buckets;

    /** Removes a tenant's read-model rows (a staging copy before a rebuild, or after a failed one). */
    public void delete(String tenantId) {
        buckets.flush();
        for (String table : REPLACED) {
            execute("delete from " + table + " where tenant_id = ?1", tenantId);
        }
        execute("delete from metrics_practice where tenant_id = ?1", tenantId);
    }

    /**
     * Replaces the live rows of {@code tenantId} by those of {@code stagingId}, in the caller's transaction, which
     * holds the live practice row exclusively. Dormancy episodes are not events (the scan opens them): the staging
     * partners take over the live partners' {@code dormant_since}. The practice row is updated in place rather than
     * replaced, so that projections waiting for its lock find it again when the swap commits.
     */
    public void swap(String tenantId, String stagingId) {
        buckets.flush();
        em.flush();
        em.clear();
        execute("""
                update partner_metrics s set dormant_since = l.dormant_since from partner_metrics l
                where s.tenant_id = ?1 and l.tenant_id = ?2 and l.partner_id = s.partner_id""", stagingId, tenantId);
        for (String table : REPLACED) {
            execute("delete from " + table + " where tenant_id = ?1", tenantId);
            execute("update " + table + " set tenant_id = ?2 where tenant_id = ?1", stagingId, tenantId);
        }
        execute("""
                update metrics_practice l set time_zone = s.time_zone, monthly_goal = s.monthly_goal,
                    default_cadence_days = s.default_cadence_days, profile_at = s.profile_at
                from metrics_practice s where s.tenant_id = ?1 and l.tenant_id = ?2""", stagingId, tenantId);
        execute("delete from metrics_practice where tenant_id = ?1", stagingId);
    }

    /** The ids among {@code eventIds} that the inbox has recorded as applied (committed) to the live rows. */
    @SuppressWarnings("unchecked")
    public Set<String> processed(Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(em.createNativeQuery("select event_id from processed_event where event_id in (:ids)")
                .setParameter("ids", eventIds)
                .getResultList());
    }

    private void execute(String sql, String first, String second) {
        em.createNativeQuery(sql).setParameter(1, first).setParameter(2, second).executeUpdate();
    }

    private void execute(String sql, String tenantId) {
        em.createNativeQuery(sql).setParameter(1, tenantId).executeUpdate();
    }
}
