package io.referrals.metrics.entity;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;

/**
 * The one statement that gives a consumer's batch its rows of a table: created where missing, locked where not.
 *
 * <p>The service's one native query, on purpose: Hibernate reads the rows it answers into managed entities, which the
 * batch's events then find in the session. Through {@code Sql} the rows would come back as records, and loading the
 * entities would take a second statement per table and batch.
 */
final class LockedRows {
    private LockedRows() {}

    /**
     * Creates the rows of the ids ({@code ?2}, a uuid array) of a practice ({@code ?1}) that do not exist yet and locks
     * those that do, until the transaction ends; answers both. A row created here is this transaction's until it
     * commits, so no other locks it meanwhile. The two parts read the same snapshot, so a row is answered by one of
     * them, unless another transaction created it after the snapshot (the insert then does nothing, the select does not
     * see it): a consumer's transaction holds its practice's lock, which keeps other writers of the practice out, and
     * should one still come between, the rows missing from the answer are locked by a second statement.
     */
    static void lock(EntityManager em, Class<?> type, String table, String idColumn, String tenantId, List<UUID> ids) {
        int answered = em.createNativeQuery(createdOrLocked(table, idColumn), type)
                .setParameter(1, tenantId)
                .setParameter(2, ids.toArray(UUID[]::new))
                .getResultList()
                .size();
        if (answered < ids.size()) {
            em.createNativeQuery(locked(table, idColumn), type)
                    .setParameter(1, tenantId)
                    .setParameter(2, ids.toArray(UUID[]::new))
                    .getResultList();
        }
    }

    private static String createdOrLocked(String table, String idColumn) {
        return """
                with created as (
                    insert into %1$s (tenant_id, %2$s) select ?1, unnest(?2) on conflict do nothing returning *),
                existing as (%3$s)
                select * from created union all select * from existing""".formatted(table, idColumn, locked(table, idColumn));
    }

    private static String locked(String table, String idColumn) {
        return "select * from %1$s where tenant_id = ?1 and %2$s = any(?2) for update".formatted(table, idColumn);
    }
}
