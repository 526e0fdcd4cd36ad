package io.referrals.metrics.entity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.referrals.events.PartnerCategory;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Per-partner totals, changed only by single-statement upserts so that concurrent consumers never lose an increment
 * and events may arrive in any order (a referral before its partner's name).
 */
@ApplicationScoped
public class PartnerMetricsRepository implements PanacheRepositoryBase<PartnerMetrics, PartnerMetrics.Key> {

    public Optional<PartnerMetrics> findInTenant(String tenantId, UUID partnerId) {
        return findByIdOptional(new PartnerMetrics.Key(tenantId, partnerId));
    }

    public void describe(String tenantId, UUID partnerId, String name, PartnerCategory category) {
        getEntityManager()
                .createNativeQuery("""
                insert into partner_metrics (tenant_id, partner_id, partner_name, category) values (?1, ?2, ?3, ?4)
                on conflict (tenant_id, partner_id) do update set
                    partner_name = excluded.partner_name, category = excluded.category""")
                .setParameter(1, tenantId)
                .setParameter(2, partnerId)
                .setParameter(3, name)
                .setParameter(4, category.name())
                .executeUpdate();
    }

    /** One more referral received; the referrer's name stands in until the partner's own event names it. */
    public void addReceived(String tenantId, UUID partnerId, String referrerName, Instant receivedAt) {
        getEntityManager()
                .createNativeQuery("""
                insert into partner_metrics (tenant_id, partner_id, partner_name, referrals_received,
                                             first_referral_at, last_referral_at)
                values (?1, ?2, ?3, 1, ?4, ?4)
                on conflict (tenant_id, partner_id) do update set
                    referrals_received = partner_metrics.referrals_received + 1,
                    partner_name = coalesce(partner_metrics.partner_name, excluded.partner_name),
                    first_referral_at = least(partner_metrics.first_referral_at, excluded.first_referral_at),
                    last_referral_at = greatest(partner_metrics.last_referral_at, excluded.last_referral_at)""")
                .setParameter(1, tenantId)
                .setParameter(2, partnerId)
                .setParameter(3, referrerName)
                .setParameter(4, receivedAt)
                .executeUpdate();
    }

    public void addConverted(String tenantId, UUID partnerId, BigDecimal daysToConvert) {
        getEntityManager()
                .createNativeQuery("""
                insert into partner_metrics (tenant_id, partner_id, referrals_converted, days_to_convert_sum)
                values (?1, ?2, 1, ?3)
                on conflict (tenant_id, partner_id) do update set
                    referrals_converted = partner_metrics.referrals_converted + 1,
                    days_to_convert_sum = partner_metrics.days_to_convert_sum + excluded.days_to_convert_sum""")
                .setParameter(1, tenantId)
                .setParameter(2, partnerId)
                .setParameter(3, daysToConvert)
                .executeUpdate();
    }
}
