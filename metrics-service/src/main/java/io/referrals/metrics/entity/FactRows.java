package io.referrals.metrics.entity;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.UUID;

/** The one way a fact row is taken for an update: created when missing, then locked until the transaction ends. */
final class FactRows {
    private FactRows() {
    }

    static <F extends Fact> F lock(EntityManager em, Class<F> type, String table, String idColumn, String tenantId,
            UUID id) {
        em.createNativeQuery("insert into " + table + " (tenant_id, " + idColumn + ") values (?1, ?2) "
                        + "on conflict do nothing")
                .setParameter(1, tenantId).setParameter(2, id).executeUpdate();
        return em.find(type, new Fact.Key(tenantId, id), LockModeType.PESSIMISTIC_WRITE);
    }
}
