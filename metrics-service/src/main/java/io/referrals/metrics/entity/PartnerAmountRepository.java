package io.referrals.metrics.entity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.referrals.platform.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Money totals per partner, measure and currency. */
@ApplicationScoped
public class PartnerAmountRepository implements PanacheRepositoryBase<PartnerAmount, PartnerAmount.Key> {
    @Inject
    Sql sql;

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

    /** A practice-wide total of one measure in one currency. */
    public record Total(String measure, String currency, BigDecimal amount) {}

    /** Practice-wide totals per measure and currency. */
    public List<Total> totals(String tenantId) {
        String sums = """
                select measure, currency, sum(amount) from partner_amount where tenant_id = ?
                group by measure, currency order by measure, currency""";
        return sql.query(
                sums, row -> new Total(row.getString(1), row.getString(2).trim(), row.getBigDecimal(3)), tenantId);
    }

    public void add(String tenantId, UUID partnerId, String measure, String currency, BigDecimal amount) {
        String upsert = """
                insert into partner_amount (tenant_id, partner_id, measure, currency, amount) values (?, ?, ?, ?, ?)
                on conflict (tenant_id, partner_id, measure, currency) do update set
                    amount = partner_amount.amount + excluded.amount""";
        sql.update(upsert, tenantId, partnerId, measure, currency, amount);
    }
}
