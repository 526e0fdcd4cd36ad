package io.referrals.platform.history;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.referrals.platform.page.Page;
import io.referrals.platform.page.Paging;
import io.referrals.platform.persistence.Pages;
import java.util.List;
import java.util.UUID;

/** Stores and reads one kind of {@link HistoryEntry}, always within one practice, oldest first. */
public interface HistoryRepository<E extends HistoryEntry> extends PanacheRepositoryBase<E, UUID> {

    default E record(E entry) {
        persist(entry);
        return entry;
    }

    /** The most entries an unpaged history answers: a list endpoint never loads an unbounded history. */
    int MAX_ENTRIES = 500;

    /** The history of one subject, oldest first: its first {@link #MAX_ENTRIES} entries. */
    default List<E> history(String tenantId, UUID subjectId) {
        return query(tenantId, subjectId).range(0, MAX_ENTRIES - 1).list();
    }

    /** One page of a subject's history, oldest first. */
    default Page<E> history(String tenantId, UUID subjectId, Paging paging) {
        return Pages.of(query(tenantId, subjectId), paging);
    }

    private PanacheQuery<E> query(String tenantId, UUID subjectId) {
        return find("tenantId = ?1 and subjectId = ?2", Sort.by("changedAt").and("id"), tenantId, subjectId);
    }
}
