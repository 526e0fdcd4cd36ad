package io.referrals.metrics.entity;

import io.referrals.platform.persistence.Sql;
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
            "partner_metrics",
            "campaign",
            "campaign_variant",
            "campaign_ask",
            "campaign_referral",
            "campaign_reward");

    @Inject
    EntityManager em;

    @Inject
    Sql sql;

    @Inject
    BucketRepository buckets;

    /**
     * Removes a tenant's read-model rows (a staging copy before a rebuild, or after a failed one), in a transaction of
     * its own: nothing of the tenant is pending in the session.
     */
    public void delete(String tenantId) {
        buckets.flush();
        for (String table : REPLACED) {
            sql.update("delete from " + table + " where tenant_id = ?", tenantId);
        }
        sql.update("delete from metrics_practice where tenant_id = ?", tenantId);
    }

    /**
     * Replaces the live rows of {@code tenantId} by those of {@code stagingId}, in the caller's transaction, which
     * holds the live practice row exclusively. Dormancy episodes are not events (the scan opens them): the staging
     * partners take over the live partners' {@code dormant_since}. The practice row is updated in place rather than
     * replaced, so that projections waiting for its lock find it again when the swap commits.
     */
    public void swap(String tenantId, String stagingId) {
        buckets.flush();
        // The catch-up's entity changes go to the rows before the statements below move them (they see only flushed
        // rows); then the session forgets the rows whose tenant changes under it.
        em.flush();
        em.clear();
        String keepDormancy = """
                update partner_metrics s set dormant_since = l.dormant_since from partner_metrics l
                where s.tenant_id = ? and l.tenant_id = ? and l.partner_id = s.partner_id""";
        sql.update(keepDormancy, stagingId, tenantId);
        for (String table : REPLACED) {
            sql.update("delete from " + table + " where tenant_id = ?", tenantId);
            sql.update("update " + table + " set tenant_id = ? where tenant_id = ?", tenantId, stagingId);
        }
        String takeProfile = """
                update metrics_practice l set time_zone = s.time_zone, monthly_goal = s.monthly_goal,
                    default_cadence_days = s.default_cadence_days, profile_at = s.profile_at
                from metrics_practice s where s.tenant_id = ? and l.tenant_id = ?""";
        sql.update(takeProfile, stagingId, tenantId);
        sql.update("delete from metrics_practice where tenant_id = ?", stagingId);
    }

    /** The ids among {@code eventIds} that the inbox has recorded as applied (committed) to the live rows. */
    public Set<String> processed(Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(sql.query(
                "select event_id from processed_event where event_id = any(?)",
                row -> row.getString(1),
                Sql.array("varchar", eventIds.toArray())));
    }
}
