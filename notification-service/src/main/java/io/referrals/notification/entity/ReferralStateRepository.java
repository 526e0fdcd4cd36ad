package io.referrals.notification.entity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ReferralStateRepository implements PanacheRepositoryBase<ReferralState, ReferralState.Key> {

    public Optional<ReferralState> find(String tenantId, UUID referralId) {
        return Optional.ofNullable(findById(new ReferralState.Key(tenantId, referralId)));
    }

    public Optional<ReferralState> lock(String tenantId, UUID referralId) {
        return Optional.ofNullable(
                findById(new ReferralState.Key(tenantId, referralId), LockModeType.PESSIMISTIC_WRITE));
    }
}
