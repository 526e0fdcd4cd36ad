package io.referrals.metrics.entity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Money totals per partner, measure and currency. */
@ApplicationScoped
public class PartnerAmountRepository implements PanacheRepositoryBase<PartnerAmount, PartnerAmount.Key> {

    public List<PartnerAmount> forPartners(String tenantId, Collection<UUID> partnerIds) {
        return partnerIds.isEmpty()
                ? List.of()
                : list("key.tenantId = ?1 and key.partnerId in ?2 order by key.currency", tenantId, partnerIds);
    }

    /** The largest amount of a measure over the partner's currencies. */
    public BigDecimal largest(String tenantId, UUID partnerId, String measure) {
        return getEntityManager()
                .createQuery(
                        "select coalesce(max(a.amount), 0) from PartnerAmount a "
                                + "where a.key.tenantId = ?1 and a.key.partnerId = ?2 and a.key.measure = ?3",
                        BigDecimal.class)
                .setParameter(1, tenantId)
                .setParameter(2, partnerId)
                .setParameter(3, measure)
                .getSingleResult();
    }

    /** Practice-wide totals per measure and currency, as {measure, currency, amount} rows. */
    @SuppressWarnings("unchecked")
    public List<Object[]> totals(String tenantId) {
        return getEntityManager()
                .createNativeQuery("""
                select measure, currency, sum(amount) from partner_amount where tenant_id = ?1
                group by measure, currency order by measure, currency""")
                .setParameter(1, tenantId)
                .getResultList();
    }

    public void add(String tenantId, UUID partnerId, String measure, String currency, BigDecimal amount) {
        getEntityManager()
                .createNativeQuery("""
                insert into partner_amount (tenant_id, partner_id, measure, currency, amount) values (?1, ?2, ?3, ?4, ?5)
                on conflict (tenant_id, partner_id, measure, currency) do update set
                    amount = partner_amount.amount + excluded.amount""")
                .setParameter(1, tenantId)
                .setParameter(2, partnerId)
                .setParameter(3, measure)
                .setParameter(4, currency)
                .setParameter(5, amount)
                .executeUpdate();
    }
}
