package io.referrals.metrics.entity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.referrals.events.PartnerCategory;
import io.referrals.events.PartnerStage;
import io.referrals.platform.page.Page;
import io.referrals.platform.page.Paging;
import io.referrals.platform.persistence.Pages;
import io.referrals.platform.persistence.Where;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The partner dimension. Projections change a row only while holding its row lock ({@link #lock}), so that the
 * referral and partner consumers never interleave a bucket move with a bucket update of the same partner.
 */
@ApplicationScoped
public class PartnerMetricsRepository implements PanacheRepositoryBase<PartnerMetrics, PartnerMetrics.Key> {
    /** Stages of an active relationship: the ones a partner can go dormant in. */
    public static final List<PartnerStage> ACTIVE_STAGES = List.of(
            PartnerStage.REACHED_OUT,
            PartnerStage.BUILDING_RAPPORT,
            PartnerStage.MUTUAL_BENEFIT_AGREED,
            PartnerStage.TRUSTED);

    public Optional<PartnerMetrics> findInTenant(String tenantId, UUID partnerId) {
        return findByIdOptional(new PartnerMetrics.Key(tenantId, partnerId));
    }

    /** The partner's row, created empty when no event named it before, locked until the transaction ends. */
    public PartnerMetrics lock(String tenantId, UUID partnerId) {
        getEntityManager()
                .createNativeQuery("""
                insert into partner_metrics (tenant_id, partner_id) values (?1, ?2)
                on conflict (tenant_id, partner_id) do nothing""")
                .setParameter(1, tenantId)
                .setParameter(2, partnerId)
                .executeUpdate();
        return findById(new PartnerMetrics.Key(tenantId, partnerId), LockModeType.PESSIMISTIC_WRITE);
    }

    public Page<PartnerMetrics> list(
            String tenantId,
            PartnerCategory category,
            String allianceType,
            PartnerStage stage,
            Sort sort,
            Paging paging) {
        Where where = Where.tenant(tenantId)
                .and("category = :category", "category", category)
                .and(
                        "allianceTypes like :alliance",
                        "alliance",
                        allianceType == null ? null : "%|" + allianceType + "|%")
                .and("stage = :stage", "stage", stage);
        return Pages.of(find(where.query(), sort, where.parameters()), paging);
    }

    /** Partners the practice has referred to or received from: the reciprocity ledger's rows. */
    public Page<PartnerMetrics> exchanging(String tenantId, Sort sort, Paging paging) {
        Where where = Where.tenant(tenantId).and("(referralsReceived > 0 or referralsGiven > 0)");
        return Pages.of(find(where.query(), sort, where.parameters()), paging);
    }

    public Page<PartnerMetrics> dormant(String tenantId, Paging paging) {
        Where where = Where.tenant(tenantId).and("dormantSince is not null");
        return Pages.of(find(where.query(), Sort.by("lastActivityAt").and("partnerId"), where.parameters()), paging);
    }

    /** Active, dormant and candidate partners of a practice, in that order. */
    public long[] statusCounts(String tenantId) {
        Object[] row = (Object[]) getEntityManager()
                .createNativeQuery("""
                select count(*) filter (where not archived and stage in (:active) and dormant_since is null),
                       count(*) filter (where dormant_since is not null),
                       count(*) filter (where candidate and not archived)
                from partner_metrics where tenant_id = :tenant""")
                .setParameter("active", ACTIVE_STAGES.stream().map(Enum::name).toList())
                .setParameter("tenant", tenantId)
                .getSingleResult();
        return new long[] {((Number) row[0]).longValue(), ((Number) row[1]).longValue(), ((Number) row[2]).longValue()};
    }

    /** Practice-wide received, given and balance over every partner. */
    public long[] exchangeTotals(String tenantId) {
        Object[] row = (Object[]) getEntityManager()
                .createNativeQuery("""
                select coalesce(sum(referrals_received), 0), coalesce(sum(referrals_given), 0)
                from partner_metrics where tenant_id = :tenant""")
                .setParameter("tenant", tenantId)
                .getSingleResult();
        return new long[] {((Number) row[0]).longValue(), ((Number) row[1]).longValue()};
    }

    /**
     * Partners of an active relationship, not archived nor dormant, silent since before twice their cadence (the
     * partner's, else the practice's default, else {@code fallbackCadenceDays}), across every practice.
     */
    @SuppressWarnings("unchecked")
    public List<PartnerMetrics.Key> silentSince(Instant now, int fallbackCadenceDays) {
        List<Object[]> rows = getEntityManager()
                .createNativeQuery("""
                select p.tenant_id, p.partner_id from partner_metrics p
                left join metrics_practice pr on pr.tenant_id = p.tenant_id
                where p.dormant_since is null and not p.archived and p.stage in (:active)
                  and p.last_activity_at < cast(:now as timestamptz)
                      - make_interval(days => 2 * coalesce(p.cadence_days, pr.default_cadence_days, :fallback))
                  and p.tenant_id not like 'rebuild:%'""")
                .setParameter("active", ACTIVE_STAGES.stream().map(Enum::name).toList())
                .setParameter("now", now)
                .setParameter("fallback", fallbackCadenceDays)
                .getResultList();
        return rows.stream()
                .map(r -> new PartnerMetrics.Key((String) r[0], (UUID) r[1]))
                .toList();
    }

    /** Whether this transaction holds the one dormancy scan lock; released when it ends. */
    public boolean tryScanLock() {
        return (Boolean) getEntityManager()
                .createNativeQuery("select pg_try_advisory_xact_lock(:key)")
                .setParameter("key", 0x6d657472_69637321L)
                .getSingleResult();
    }
}
