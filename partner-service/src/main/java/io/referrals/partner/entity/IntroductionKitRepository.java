package io.referrals.partner.entity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Optional;

/** One introduction kit per practice, found by the practice's id only. */
@ApplicationScoped
public class IntroductionKitRepository implements PanacheRepositoryBase<IntroductionKit, String> {

    /** The stored kit, or the empty kit of a practice that has not written one yet. */
    public IntroductionKit kitOf(String tenantId) {
        return findByIdOptional(tenantId).orElseGet(() -> IntroductionKit.empty(tenantId));
    }

    /** The stored kit, locked until the transaction ends, so that two edits of it queue up. */
    public Optional<IntroductionKit> findForUpdate(String tenantId) {
        return findByIdOptional(tenantId, LockModeType.PESSIMISTIC_WRITE);
    }
}
