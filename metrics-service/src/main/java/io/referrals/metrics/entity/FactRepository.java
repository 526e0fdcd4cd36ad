package io.referrals.metrics.entity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The fact rows of every kind ({@link ReferralFact}, {@link GivenFact}, {@link RewardFact}): one way to take a row
 * for an update and one way to read a practice's rows back, whatever the kind.
 */
@ApplicationScoped
public class FactRepository {
    @Inject
    EntityManager em;

    /** The fact row, created empty when no event named it before, locked until the transaction ends. */
    public <F extends Fact> F lock(Class<F> type, String tenantId, UUID id) {
        String idColumn = type.getAnnotation(AttributeOverride.class).column().name();
        em.createNativeQuery("insert into " + type.getAnnotation(Table.class).name() + " (tenant_id, " + idColumn
                        + ") values (?1, ?2) on conflict do nothing")
                .setParameter(1, tenantId)
                .setParameter(2, id)
                .executeUpdate();
        return em.find(type, new Fact.Key(tenantId, id), LockModeType.PESSIMISTIC_WRITE);
    }

    /** Every fact of a kind of the practice, to re-bucket it. */
    public <F extends Fact> Stream<F> inTenant(Class<F> type, String tenantId) {
        return em.createQuery("from " + type.getSimpleName() + " f where f.tenantId = :tenant", type)
                .setParameter("tenant", tenantId)
                .getResultStream();
    }

    /** Open referrals past their first-contact deadline without a contact: counted on a partial index. */
    public long referralsAwaitingContactPastDue(String tenantId, Instant now) {
        return em.createQuery(
                        "select count(f) from ReferralFact f where f.tenantId = :tenant "
                                + "and f.contactedAt is null and f.consultationAt is null and f.convertedAt is null "
                                + "and f.closedAt is null and f.firstContactDueAt < :now",
                        Long.class)
                .setParameter("tenant", tenantId)
                .setParameter("now", now)
                .getSingleResult();
    }
}
