package io.referrals.notification.entity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ReferralStateRepository implements PanacheRepositoryBase<ReferralState, ReferralState.Key> {

    public Optional<ReferralState> find(String tenantId, UUID referralId) {
        return Optional.ofNullable(findById(new ReferralState.Key(tenantId, referralId)));
    }

    /** The states of those of the referrals known here, each locked, for a batch of events about them. */
    public List<ReferralState> lockAll(String tenantId, Collection<UUID> referralIds) {
        if (referralIds.isEmpty()) {
            return List.of();
        }
        // In one order, so that two transactions locking some of the same rows never wait on each other in a cycle.
        return find("key.tenantId = ?1 and key.referralId in ?2 order by key.referralId", tenantId, referralIds)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
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
