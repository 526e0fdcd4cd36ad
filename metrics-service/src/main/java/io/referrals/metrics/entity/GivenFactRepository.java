package io.referrals.metrics.entity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.stream.Stream;

/** The fact rows of a referral given. */
@ApplicationScoped
public class GivenFactRepository implements PanacheRepositoryBase<GivenFact, Fact.Key> {

    public GivenFact lock(String tenantId, UUID id) {
        return FactRows.lock(getEntityManager(), GivenFact.class, "metrics_given", "given_id", tenantId, id);
    }

    public Stream<GivenFact> inTenant(String tenantId) {
        return stream("tenantId", tenantId);
    }
}
