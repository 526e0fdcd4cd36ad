package io.referrals.notification.entity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.referrals.platform.page.Page;
import io.referrals.platform.page.Paging;
import io.referrals.platform.persistence.Pages;
import io.referrals.platform.persistence.Sql;
import io.referrals.platform.persistence.Where;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Tasks of one practice; another practice's task is not found. */
@ApplicationScoped
public class TaskRepository implements PanacheRepositoryBase<Task, UUID> {
    @Inject
    Sql sql;

    /** Soonest due first. */
    public Page<Task> list(String tenantId, TaskQuery query, Instant now, Paging paging) {
        Where where = Where.tenant(tenantId)
                .and("status = :status", "status", query.overdue() ? TaskStatus.OPEN : query.status())
                .and("kind = :kind", "kind", query.kind())
                .and("dueAt < :dueBefore", "dueBefore", query.dueBefore())
                .and("partnerId = :partner", "partner", query.partnerId());
        if (query.overdue()) {
            where.and("dueAt < :now").bind("now", now);
        }
        return Pages.of(find(where.query(), Sort.ascending("dueAt").and("id"), where.parameters()), paging);
    }

    /** Every task about these referrals, open or closed, oldest first. */
    public List<Task> about(String tenantId, List<UUID> referralIds) {
        if (referralIds.isEmpty()) {
            return List.of();
        }
        return list("tenantId = ?1 and referralId in ?2 order by createdAt, id", tenantId, referralIds);
    }

    public Optional<Task> lockInTenant(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    public boolean exists(String tenantId, TaskKind kind, String dedupeKey) {
        return count("tenantId = ?1 and kind = ?2 and dedupeKey = ?3", tenantId, kind, dedupeKey) > 0;
    }

    /** The kind of every task, open or not, with one of those keys: what {@link #exists} answers, for many keys. */
    public List<KindAndKey> withKeys(String tenantId, Collection<String> dedupeKeys) {
        if (dedupeKeys.isEmpty()) {
            return List.of();
        }
        // Every kind named, so that the unique index (tenant, kind, key) finds the keys.
        return sql.query(
                "select kind, dedupe_key from task where tenant_id = ? and kind = any (?) and dedupe_key = any (?)",
                row -> new KindAndKey(TaskKind.valueOf(row.getString(1)), row.getString(2)),
                tenantId,
                Sql.array(
                        "varchar",
                        Arrays.stream(TaskKind.values()).map(Enum::name).toArray()),
                Sql.array("varchar", dedupeKeys.toArray()));
    }

    /** A task's kind and dedupe key. */
    public record KindAndKey(TaskKind kind, String key) {}

    /** The open tasks of that kind with any of these keys, in any practice (the caller checks each one's), locked. */
    public List<Task> findOpen(TaskKind kind, Collection<String> dedupeKeys) {
        if (dedupeKeys.isEmpty()) {
            return List.of();
        }
        return find("kind = ?1 and dedupeKey in ?2 and status = ?3", kind, dedupeKeys, TaskStatus.OPEN)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }

    public Optional<Task> findOpen(String tenantId, TaskKind kind, String dedupeKey) {
        return find(
                        "tenantId = ?1 and kind = ?2 and dedupeKey = ?3 and status = ?4",
                        tenantId,
                        kind,
                        dedupeKey,
                        TaskStatus.OPEN)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    public List<Task> openForPartner(String tenantId, TaskKind kind, UUID partnerId) {
        return find(
                        "tenantId = ?1 and kind = ?2 and partnerId = ?3 and status = ?4",
                        tenantId,
                        kind,
                        partnerId,
                        TaskStatus.OPEN)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }

    public List<Task> openForReferral(String tenantId, TaskKind kind, UUID referralId) {
        return find(
                        "tenantId = ?1 and kind = ?2 and referralId = ?3 and status = ?4",
                        tenantId,
                        kind,
                        referralId,
                        TaskStatus.OPEN)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }

    /** Open tasks due before {@code until}, soonest first: what the digest lists. */
    public List<Task> openDueBefore(String tenantId, Instant until, int limit) {
        return find(
                        "tenantId = ?1 and status = ?2 and dueAt < ?3",
                        Sort.ascending("dueAt").and("id"),
                        tenantId,
                        TaskStatus.OPEN,
                        until)
                .page(0, limit)
                .list();
    }
}
