package io.referrals.partner.entity;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.referrals.events.PartnerStage;
import io.referrals.platform.page.Page;
import io.referrals.platform.page.Paging;
import io.referrals.platform.persistence.Pages;
import io.referrals.platform.persistence.Where;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/** Every query is scoped to one practice: another practice's partner is simply not found. */
@ApplicationScoped
public class PartnerRepository implements PanacheRepositoryBase<Partner, UUID> {

    public Optional<Partner> findInTenant(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }

    /** The partner, locked until the transaction ends, so that concurrent changes to it queue up. */
    public Optional<Partner> findInTenantForUpdate(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /**
     * The practice's partners of those ids that exist, locked until the transaction ends, in id order (so that two
     * transactions locking several never wait on each other in a cycle).
     */
    public List<Partner> lockAll(String tenantId, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return find("tenantId = ?1 and id in ?2", Sort.by("id"), tenantId, ids)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }

    public Optional<Partner> findByEmail(String tenantId, String email) {
        return find("tenantId = ?1 and lower(email) = lower(?2)", tenantId, email)
                .firstResultOptional();
    }

    /** A partner's email, lower-cased, and its id. */
    public record EmailOwner(String email, UUID id) {}

    /** Every email of the practice (archived partners included), lower-cased, with its partner's id. */
    public Map<String, UUID> emailIndex(String tenantId) {
        Map<String, UUID> index = new HashMap<>();
        getEntityManager()
                .createQuery(
                        "select lower(p.email), p.id from Partner p where p.tenantId = ?1 and p.email is not null",
                        EmailOwner.class)
                .setParameter(1, tenantId)
                .getResultStream()
                .forEach(owner -> index.put(owner.email(), owner.id()));
        return index;
    }

    public Page<Partner> list(String tenantId, PartnerCriteria criteria, Paging paging) {
        return Pages.of(query(tenantId, criteria), paging);
    }

    /** The whole filtered list, for an export; streamed so a large practice does not load it at once. */
    public Stream<Partner> stream(String tenantId, PartnerCriteria criteria) {
        return query(tenantId, criteria).stream();
    }

    /** Writes what is pending and forgets every loaded partner: keeps a long import's persistence context small. */
    public void flushAndClear() {
        flush();
        getEntityManager().clear();
    }

    /** Forgets one loaded partner, e.g. once an export has written it. */
    public void detach(Partner partner) {
        getEntityManager().detach(partner);
    }

    public List<Partner> dueForCheckIn(String tenantId, Instant before, int limit) {
        return find(
                        "tenantId = ?1 and archivedAt is null and stage <> ?2 and nextCheckInDue < ?3",
                        Sort.by("nextCheckInDue").and("id"),
                        tenantId,
                        PartnerStage.ENDED,
                        before)
                .page(0, limit)
                .list();
    }

    /**
     * Applies {@code change} to every partner of the practice, {@code batchSize} at a time in id order, flushing and
     * detaching each batch: a practice with many partners is never held in memory at once.
     */
    public void forEachInTenant(String tenantId, int batchSize, java.util.function.Consumer<Partner> change) {
        UUID after = null;
        while (true) {
            List<Partner> batch = after == null
                    ? find("tenantId = ?1", Sort.by("id"), tenantId)
                            .page(0, batchSize)
                            .list()
                    : find("tenantId = ?1 and id > ?2", Sort.by("id"), tenantId, after)
                            .page(0, batchSize)
                            .list();
            batch.forEach(change);
            getEntityManager().flush();
            getEntityManager().clear();
            if (batch.size() < batchSize) {
                return;
            }
            after = batch.get(batch.size() - 1).id;
        }
    }

    private PanacheQuery<Partner> query(String tenantId, PartnerCriteria criteria) {
        Where where = Where.tenant(tenantId)
                .and(criteria.archived() ? "archivedAt is not null" : "archivedAt is null")
                .and("category = :category", "category", criteria.category())
                .and("stage = :stage", "stage", criteria.stage())
                .and(
                        "array_contains(allianceTypes, :alliance)",
                        "alliance",
                        criteria.allianceType() == null
                                ? null
                                : criteria.allianceType().name())
                .and("array_contains(tags, :tag)", "tag", criteria.tag())
                .andContainsText(List.of("name", "organization", "email"), criteria.text())
                .and("candidate = :candidate", "candidate", criteria.candidate())
                .and("needsReview = :review", "review", criteria.needsReview());
        return find(where.query(), sort(criteria.sort()), where.parameters());
    }

    private static Sort sort(String key) {
        String sortKey = key == null ? "name" : key;
        boolean descending = sortKey.startsWith("-");
        String field = descending ? sortKey.substring(1) : sortKey;
        Sort.Direction direction = descending ? Sort.Direction.Descending : Sort.Direction.Ascending;
        return Sort.by(field, direction, Sort.NullPrecedence.NULLS_LAST).and("id");
    }
}
