package io.referrals.metrics.entity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** Program value attributed to each partner, one row per currency. */
@ApplicationScoped
public class PartnerRevenueRepository implements PanacheRepositoryBase<PartnerRevenue, PartnerRevenue.Key> {

    public List<PartnerRevenue> forPartner(String tenantId, UUID partnerId) {
        return list("key.tenantId = ?1 and key.partnerId = ?2 order by key.currency", tenantId, partnerId);
    }

    public void add(String tenantId, UUID partnerId, String currency, BigDecimal amount) {
        getEntityManager()
                .createNativeQuery("""
                insert into partner_revenue (tenant_id, partner_id, currency, amount) values (?1, ?2, ?3, ?4)
                on conflict (tenant_id, partner_id, currency) do update set
                    amount = partner_revenue.amount + excluded.amount""")
                .setParameter(1, tenantId)
                .setParameter(2, partnerId)
                .setParameter(3, currency)
                .setParameter(4, amount)
                .executeUpdate();
    }
}
