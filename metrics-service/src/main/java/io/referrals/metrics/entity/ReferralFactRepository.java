package io.referrals.metrics.entity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;

/** The fact rows of an inbound referral. */
@ApplicationScoped
public class ReferralFactRepository implements PanacheRepositoryBase<ReferralFact, Fact.Key> {

    public ReferralFact lock(String tenantId, UUID id) {
        return FactRows.lock(getEntityManager(), ReferralFact.class, "metrics_referral", "referral_id", tenantId, id);
    }

    /** Open referrals past their first-contact deadline without a contact: counted on a partial index. */
    public long awaitingContactPastDue(String tenantId, Instant now) {
        return count("tenantId = ?1 and contactedAt is null and consultationAt is null and convertedAt is null "
                + "and closedAt is null and firstContactDueAt < ?2", tenantId, now);
    }

    public Stream<ReferralFact> inTenant(String tenantId) {
        return stream("tenantId", tenantId);
    }
}
