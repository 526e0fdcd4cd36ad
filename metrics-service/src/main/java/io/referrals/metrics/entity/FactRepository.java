package io.referrals.metrics.entity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
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

    @Inject
    HeldLocks held;

    /** The fact row, created empty when no event named it before, locked until the transaction ends. */
    public <F extends Fact> F lock(Class<F> type, String tenantId, UUID id) {
        Fact.Key key = new Fact.Key(tenantId, id);
        if (held.holds(type, key)) {
            return em.find(type, key);
        }
        lockAll(type, tenantId, List.of(id));
        return em.find(type, key);
    }

    /**
     * Creates the practice's fact rows of {@code ids} that no event named before, and locks them all until the
     * transaction ends: one statement for a batch's facts, which stay loaded in the session.
     */
    public <F extends Fact> void lockAll(Class<F> type, String tenantId, Collection<UUID> ids) {
        List<UUID> toLock = ids.stream()
                .distinct()
                .filter(id -> !held.holds(type, new Fact.Key(tenantId, id)))
                .sorted()
                .toList();
        if (toLock.isEmpty()) {
            return;
        }
        String idColumn = type.getAnnotation(AttributeOverride.class).column().name();
        String table = type.getAnnotation(Table.class).name();
        // Native, with the ids as one array: the same statement for any number of ids (see PartnerMetricsRepository).
        LockedRows.lock(em, type, table, idColumn, tenantId, toLock);
        toLock.forEach(id -> held.add(type, new Fact.Key(tenantId, id)));
    }

    /** Every fact of a kind of the practice, to re-bucket it. */
    public <F extends Fact> Stream<F> inTenant(Class<F> type, String tenantId) {
        em.flush(); // a consumer's session flushes only at commit (EventRouter.sessionPerBatch)
        return em.createQuery("from " + type.getSimpleName() + " f where f.tenantId = :tenant", type)
                .setParameter("tenant", tenantId)
                .getResultStream();
    }

    /** Open referrals waiting for their first contact whose deadline fell in [from, to): a short range, by index. */
    public long referralsAwaitingContactDueBetween(String tenantId, Instant from, Instant to) {
        return em.createQuery(
                        "select count(f) from ReferralFact f where f.tenantId = :tenant "
                                + "and f.contactedAt is null and f.consultationAt is null and f.convertedAt is null "
                                + "and f.closedAt is null and f.firstContactDueAt >= :from and f.firstContactDueAt < :to",
                        Long.class)
                .setParameter("tenant", tenantId)
                .setParameter("from", from)
                .setParameter("to", to)
                .getSingleResult();
    }
}
