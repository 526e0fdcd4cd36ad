package io.referrals.metrics.entity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/**
 * Practices' profiles. Every projection takes the practice row in share mode first, so that a time zone change (which
 * re-buckets the practice) and a rebuild's swap, both taking it exclusively, never interleave with a projection.
 */
@ApplicationScoped
public class PracticeRepository implements PanacheRepositoryBase<Practice, String> {

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

    private Practice lock(String tenantId, LockModeType mode) {
        getEntityManager()
                .createNativeQuery(
                        "insert into metrics_practice (tenant_id) values (?1) on conflict (tenant_id) do nothing")
                .setParameter(1, tenantId)
                .executeUpdate();
        return findById(tenantId, mode);
    }
}
