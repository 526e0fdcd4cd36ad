package io.referrals.metrics.entity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.referrals.platform.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

/**
 * Practices' profiles. Whatever writes a practice's read models takes its row first: a consumer's transaction
 * exclusively, before its first event ({@code Projections.lockPractices}); the dormancy scan and a rebuild's replay
 * (of its staging row) in share mode. So a time zone change (which re-buckets the practice) and a rebuild's swap, both
 * holding it exclusively, never interleave with another writer.
 */
@ApplicationScoped
public class PracticeRepository implements PanacheRepositoryBase<Practice, String> {
    @Inject
    HeldLocks held;

    @Inject
    Sql sql;

    /** The practice (UTC and no goal until its profile arrives); not saved by reads. */
    public Practice find(String tenantId) {
        Practice practice = findById(tenantId);
        if (practice == null) {
            practice = new Practice();
            practice.tenantId = tenantId;
        }
        return practice;
    }

    public Practice lockShared(String tenantId) {
        return lock(tenantId, LockModeType.PESSIMISTIC_READ);
    }

    public Practice lockExclusive(String tenantId) {
        return lock(tenantId, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * The practice row in {@code mode}; once this transaction holds it exclusively (a consumer's batch does from its
     * start), every later request of either mode is answered from the session.
     */
    private Practice lock(String tenantId, LockModeType mode) {
        if (held.holds(Practice.class, tenantId)
                || (mode == LockModeType.PESSIMISTIC_READ && held.holds(SharedLock.class, tenantId))) {
            return findById(tenantId);
        }
        Practice practice = findById(tenantId, mode);
        if (practice == null) { // the practice's first event: its row, then the lock (one statement less after that)
            sql.update(
                    "insert into metrics_practice (tenant_id) values (?) on conflict (tenant_id) do nothing", tenantId);
            practice = findById(tenantId, mode);
        }
        held.add(mode == LockModeType.PESSIMISTIC_WRITE ? Practice.class : SharedLock.class, tenantId);
        return practice;
    }

    /** What {@link HeldLocks} records for a practice row held in share mode (the entity class stands for exclusive). */
    private static final class SharedLock {}
}
