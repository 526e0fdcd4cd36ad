package io.referrals.metrics.entity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.stream.Stream;

/** The fact rows of a reward. */
@ApplicationScoped
public class RewardFactRepository implements PanacheRepositoryBase<RewardFact, Fact.Key> {

    public RewardFact lock(String tenantId, UUID id) {
        return FactRows.lock(getEntityManager(), RewardFact.class, "metrics_reward", "reward_id", tenantId, id);
    }

    public Stream<RewardFact> inTenant(String tenantId) {
        return stream("tenantId", tenantId);
    }
}
