package io.referrals.metrics.entity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.referrals.platform.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Rebuild runs. A partial unique index allows one running rebuild per practice. */
@ApplicationScoped
public class RebuildRepository implements PanacheRepositoryBase<Rebuild, UUID> {
    @Inject
    Sql sql;

    public Optional<Rebuild> findInTenant(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }

    public Optional<Rebuild> running(String tenantId) {
        return find("tenantId = ?1 and status = ?2", tenantId, Rebuild.RUNNING).firstResultOptional();
    }

    /**
     * Starts a run, or returns false when one is running already (the index, not a check, decides under races). A
     * running one without a heartbeat since {@code abandonedBefore} was cut off by a stop of its replica: failed.
     */
    public boolean start(UUID id, String tenantId, Instant at, Instant abandonedBefore) {
        update(
                "status = ?1, finishedAt = ?2, error = ?3 where tenantId = ?4 and status = ?5 and heartbeatAt < ?6",
                Rebuild.FAILED,
                at,
                "abandoned: no progress since " + abandonedBefore,
                tenantId,
                Rebuild.RUNNING,
                abandonedBefore);
        String insert = """
                insert into metrics_rebuild (id, tenant_id, status, started_at, heartbeat_at)
                values (?, ?, 'running', ?, ?)
                on conflict (tenant_id) where status = 'running' do nothing""";
        return sql.update(insert, id, tenantId, at, at) == 1;
    }

    /** Records progress; false when the run is no longer running (declared abandoned), so it must stop. */
    public boolean progress(UUID id, long eventsReplayed, Instant at) {
        return update(
                        "eventsReplayed = ?1, heartbeatAt = ?2 where id = ?3 and status = ?4",
                        eventsReplayed,
                        at,
                        id,
                        Rebuild.RUNNING)
                == 1;
    }

    public void finish(UUID id, String status, Instant at, String error) {
        update("status = ?1, finishedAt = ?2, error = ?3 where id = ?4", status, at, error, id);
    }
}
