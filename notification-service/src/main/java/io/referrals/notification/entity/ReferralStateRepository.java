package io.referrals.notification.entity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ReferralStateRepository implements PanacheRepositoryBase<ReferralState, ReferralState.Key> {

    public Optional<ReferralState> find(String tenantId, UUID referralId) {
        return Optional.ofNullable(findById(new ReferralState.Key(tenantId, referralId)));
    }

    /** These referrals' states, in one query (for a batch of messages), by referral. */
    public Map<ReferralState.Key, ReferralState> byReferral(Collection<UUID> referralIds) {
        Map<ReferralState.Key, ReferralState> found = new HashMap<>();
        if (!referralIds.isEmpty()) {
            for (ReferralState state : list("from ReferralState r where r.key.referralId in ?1", referralIds)) {
                found.put(state.key, state);
            }
        }
        return found;
    }

    public Optional<ReferralState> lock(String tenantId, UUID referralId) {
        return Optional.ofNullable(
                findById(new ReferralState.Key(tenantId, referralId), LockModeType.PESSIMISTIC_WRITE));
    }
}
