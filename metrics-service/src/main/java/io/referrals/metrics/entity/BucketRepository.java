package io.referrals.metrics.entity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The day buckets every read sums. Writes add deltas (single-statement upserts, so concurrent projections never lose
 * an increment); reads sum a primary-key range, so their cost depends on the days asked for, not on history.
 */
@ApplicationScoped
public class BucketRepository {
    private static final int ROWS_PER_STATEMENT = 500;

    @Inject
    EntityManager em;

    /** Adds each delta to its bucket, in key order. */
    public void add(String tenantId, SortedMap<BucketKey, BigDecimal> deltas) {
        List<Map.Entry<BucketKey, BigDecimal>> entries = new ArrayList<>(deltas.entrySet());
        for (int start = 0; start < entries.size(); start += ROWS_PER_STATEMENT) {
            addRows(tenantId, entries.subList(start, Math.min(entries.size(), start + ROWS_PER_STATEMENT)));
        }
    }

    private void addRows(String tenantId, List<Map.Entry<BucketKey, BigDecimal>> rows) {
        StringBuilder sql = new StringBuilder(
                "insert into metrics_bucket (tenant_id, scope, scope_key, measure, currency, day, value) values ");
        for (int i = 0; i < rows.size(); i++) {
            int p = i * 6;
            sql.append(i == 0 ? "" : ", ")
                    .append("(?1, ?")
                    .append(p + 2)
                    .append(", ?")
                    .append(p + 3)
                    .append(", ?")
                    .append(p + 4)
                    .append(", ?")
                    .append(p + 5)
                    .append(", ?")
                    .append(p + 6)
                    .append(", ?")
                    .append(p + 7)
                    .append(')');
        }
        sql.append(" on conflict (tenant_id, scope, scope_key, measure, currency, day) do update set "
                + "value = metrics_bucket.value + excluded.value");
        var query = em.createNativeQuery(sql.toString()).setParameter(1, tenantId);
        for (int i = 0; i < rows.size(); i++) {
            BucketKey key = rows.get(i).getKey();
            int p = i * 6;
            query.setParameter(p + 2, key.scope())
                    .setParameter(p + 3, key.key())
                    .setParameter(p + 4, key.measure())
                    .setParameter(p + 5, key.currency())
                    .setParameter(p + 6, key.day())
                    .setParameter(p + 7, rows.get(i).getValue());
        }
        query.executeUpdate();
    }

    /** Adds (sign 1) or removes (sign -1) every partner bucket of {@code partnerKey} to a group scope's key. */
    public void copyPartner(String tenantId, String partnerKey, String scope, String groupKey, int sign) {
        em.createNativeQuery("""
                insert into metrics_bucket (tenant_id, scope, scope_key, measure, currency, day, value)
                select tenant_id, ?3, ?4, measure, currency, day, ?5 * value from metrics_bucket
                where tenant_id = ?1 and scope = 'partner' and scope_key = ?2
                order by measure, currency, day
                on conflict (tenant_id, scope, scope_key, measure, currency, day) do update set
                    value = metrics_bucket.value + excluded.value""")
                .setParameter(1, tenantId)
                .setParameter(2, partnerKey)
                .setParameter(3, scope)
                .setParameter(4, groupKey)
                .setParameter(5, sign)
                .executeUpdate();
    }

    public void deleteTenant(String tenantId) {
        em.createNativeQuery("delete from metrics_bucket where tenant_id = ?1")
                .setParameter(1, tenantId)
                .executeUpdate();
    }

    /** Totals of one scope key over [from, to], as {measure, currency, value} rows. */
    @SuppressWarnings("unchecked")
    public List<Object[]> totals(
            String tenantId, String scope, String key, Collection<String> measures, LocalDate from, LocalDate to) {
        return em.createNativeQuery("""
                select measure, currency, sum(value) from metrics_bucket
                where tenant_id = :tenant and scope = :scope and scope_key = :key and measure in (:measures)
                  and day between :from and :to
                group by measure, currency""")
                .setParameter("tenant", tenantId)
                .setParameter("scope", scope)
                .setParameter("key", key)
                .setParameter("measures", measures)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList();
    }

    /** Totals of every key of a scope over [from, to], as {key, measure, currency, value} rows. */
    @SuppressWarnings("unchecked")
    public List<Object[]> totalsByKey(
            String tenantId, String scope, Collection<String> measures, LocalDate from, LocalDate to) {
        return em.createNativeQuery("""
                select scope_key, measure, currency, sum(value) from metrics_bucket
                where tenant_id = :tenant and scope = :scope and measure in (:measures) and day between :from and :to
                group by scope_key, measure, currency""")
                .setParameter("tenant", tenantId)
                .setParameter("scope", scope)
                .setParameter("measures", measures)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList();
    }

    /** Daily values of one measure of one scope key over [from, to], as {day, currency, value} rows. */
    @SuppressWarnings("unchecked")
    public List<Object[]> daily(
            String tenantId, String scope, String key, String measure, LocalDate from, LocalDate to) {
        return em.createNativeQuery("""
                select day, currency, value from metrics_bucket
                where tenant_id = :tenant and scope = :scope and scope_key = :key and measure = :measure
                  and day between :from and :to and value <> 0
                order by day, currency""")
                .setParameter("tenant", tenantId)
                .setParameter("scope", scope)
                .setParameter("key", key)
                .setParameter("measure", measure)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList();
    }

    /** Monthly totals of one scope key over [from, to], as {first day of month, measure, currency, value} rows. */
    @SuppressWarnings("unchecked")
    public List<Object[]> monthly(
            String tenantId, String scope, String key, Collection<String> measures, LocalDate from, LocalDate to) {
        return em.createNativeQuery("""
                select cast(date_trunc('month', day) as date), measure, currency, sum(value) from metrics_bucket
                where tenant_id = :tenant and scope = :scope and scope_key = :key and measure in (:measures)
                  and day between :from and :to
                group by 1, 2, 3""")
                .setParameter("tenant", tenantId)
                .setParameter("scope", scope)
                .setParameter("key", key)
                .setParameter("measures", measures)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList();
    }
}
