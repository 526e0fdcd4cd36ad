package io.referrals.metrics.entity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.referrals.events.PartnerCategory;
import io.referrals.events.PartnerStage;
import io.referrals.platform.page.Page;
import io.referrals.platform.page.Paging;
import io.referrals.platform.persistence.Pages;
import io.referrals.platform.persistence.Sql;
import io.referrals.platform.persistence.Where;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

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

    /**
     * {@link #ACTIVE_STAGES} as SQL literals: as constants in the scan's query, PostgreSQL can use the partial index of
     * watched partners (V8), whose predicate names the same list; a parameter would hide that from the planner.
     */
    private static final String WATCHED_STAGES =
            ACTIVE_STAGES.stream().map(stage -> "'" + stage.name() + "'").collect(Collectors.joining(", "));

    public Optional<PartnerMetrics> findInTenant(String tenantId, UUID partnerId) {
        return findByIdOptional(new PartnerMetrics.Key(tenantId, partnerId));
    }

    @Inject
    Sql sql;

    @Inject
    HeldLocks held;

    /** The partner's row, created empty when no event named it before, locked until the transaction ends. */
    public PartnerMetrics lock(String tenantId, UUID partnerId) {
        PartnerMetrics.Key key = new PartnerMetrics.Key(tenantId, partnerId);
        if (!held.holds(PartnerMetrics.class, key)) {
            lockAll(tenantId, List.of(partnerId));
        }
        return findById(key);
    }

    /** The rows of these partners, created empty where missing, locked until the transaction ends: one statement. */
    public void lockAll(String tenantId, Collection<UUID> partnerIds) {
        List<UUID> toLock = partnerIds.stream()
                .distinct()
                .filter(id -> !held.holds(PartnerMetrics.class, new PartnerMetrics.Key(tenantId, id)))
                .sorted()
                .toList();
        if (toLock.isEmpty()) {
            return;
        }
        // Native, with the ids as one array: the same statement for any number of ids, where an HQL "in" list is
        // translated again for each new count (a third of a consumer's batch preparation went to that).
        LockedRows.lock(getEntityManager(), PartnerMetrics.class, "partner_metrics", "partner_id", tenantId, toLock);
        toLock.forEach(id -> held.add(PartnerMetrics.class, new PartnerMetrics.Key(tenantId, id)));
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

    /** Partners by status now: active relationships not dormant, dormant, and candidates not archived. */
    public record StatusCounts(long active, long dormant, long candidates) {}

    public StatusCounts statusCounts(String tenantId) {
        String counts = """
                select count(*) filter (where not archived and stage = any(?) and dormant_since is null),
                       count(*) filter (where dormant_since is not null),
                       count(*) filter (where candidate and not archived)
                from partner_metrics where tenant_id = ?""";
        Object active =
                Sql.array("varchar", ACTIVE_STAGES.stream().map(Enum::name).toArray());
        return sql.query(
                        counts,
                        row -> new StatusCounts(row.getLong(1), row.getLong(2), row.getLong(3)),
                        active,
                        tenantId)
                .get(0);
    }

    /** Referrals received from and given to partners, over every partner of the practice. */
    public record ExchangeTotals(long received, long given) {}

    public ExchangeTotals exchangeTotals(String tenantId) {
        String sums = """
                select coalesce(sum(referrals_received), 0), coalesce(sum(referrals_given), 0)
                from partner_metrics where tenant_id = ?""";
        return sql.query(sums, row -> new ExchangeTotals(row.getLong(1), row.getLong(2)), tenantId)
                .get(0);
    }

    /**
     * Partners of an active relationship, not archived nor dormant, silent since before twice their cadence (the
     * partner's, else the practice's default, else {@code fallbackCadenceDays}), across every practice: at most
     * {@code limit} of them after {@code after} (null: from the first) in (practice, partner) order.
     */
    public List<PartnerMetrics.Key> silentSince(
            Instant now, int fallbackCadenceDays, PartnerMetrics.Key after, int limit) {
        return sql.query(
                """
                select p.tenant_id, p.partner_id from partner_metrics p
                left join metrics_practice pr on pr.tenant_id = p.tenant_id
                where p.dormant_since is null and not p.archived and p.stage in (%s)
                  and p.last_activity_at < cast(? as timestamptz)
                      - make_interval(days => 2 * coalesce(p.cadence_days, pr.default_cadence_days, ?))
                  and p.tenant_id not like 'rebuild:%%'
                  and (p.tenant_id, p.partner_id) > (?, ?)
                order by p.tenant_id, p.partner_id
                limit ?""".formatted(WATCHED_STAGES),
                row -> new PartnerMetrics.Key(row.getString(1), row.getObject(2, UUID.class)),
                now,
                fallbackCadenceDays,
                after == null ? "" : after.tenantId,
                after == null ? new UUID(0, 0) : after.partnerId,
                limit);
    }
}
