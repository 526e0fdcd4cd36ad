package io.referrals.metrics.entity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/** Each practice's read-model version: raised with every change, read before every cached answer is reused. */
@ApplicationScoped
public class ReadVersionRepository {
    @Inject
    EntityManager em;

    /** Raises the versions of these practices, in name order (two writers never wait on each other in a cycle). */
    public void raise(Collection<String> tenantIds) {
        for (String tenantId : new TreeSet<>(tenantIds)) {
            em.createNativeQuery("""
                    insert into metrics_read_version (tenant_id, version) values (?1, 1)
                    on conflict (tenant_id) do update set version = metrics_read_version.version + 1""").setParameter(1, tenantId).executeUpdate();
        }
    }

    public long current(String tenantId) {
        List<?> rows = em.createNativeQuery("select version from metrics_read_version where tenant_id = ?1")
                .setParameter(1, tenantId)
                .getResultList();
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).longValue();
    }
}
