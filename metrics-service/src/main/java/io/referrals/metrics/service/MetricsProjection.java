package io.referrals.metrics.service;

import io.referrals.events.CloudEvent;
import io.referrals.events.PartnerCategory;
import io.referrals.events.partner.PartnerCreated;
import io.referrals.events.partner.PartnerUpdated;
import io.referrals.events.referral.ReferralConverted;
import io.referrals.events.referral.ReferralReceived;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.UUID;

/**
 * Folds events into per-partner totals with single-statement upserts, so concurrent consumers never
 * lose an increment. Runs inside the inbox transaction that records the event id.
 */
@ApplicationScoped
public class MetricsProjection {
    private static final BigDecimal SECONDS_PER_DAY = BigDecimal.valueOf(86_400);

    @Inject
    EntityManager entityManager;

    @Transactional(Transactional.TxType.MANDATORY)
    public void onPartnerCreated(CloudEvent event, PartnerCreated data) {
        describePartner(event.tenantid(), data.partnerId(), data.name(), data.category());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onPartnerUpdated(CloudEvent event, PartnerUpdated data) {
        describePartner(event.tenantid(), data.partnerId(), data.name(), data.category());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onReferralReceived(CloudEvent event, ReferralReceived data) {
        entityManager.createNativeQuery("""
                insert into partner_metrics (tenant_id, partner_id, partner_name, referrals_received,
                                             first_referral_at, last_referral_at)
                values (?1, ?2, ?3, 1, ?4, ?4)
                on conflict (tenant_id, partner_id) do update set
                    referrals_received = partner_metrics.referrals_received + 1,
                    partner_name = coalesce(partner_metrics.partner_name, excluded.partner_name),
                    first_referral_at = least(partner_metrics.first_referral_at, excluded.first_referral_at),
                    last_referral_at = greatest(partner_metrics.last_referral_at, excluded.last_referral_at)""")
                .setParameter(1, event.tenantid())
                .setParameter(2, data.referrer().partnerId())
                .setParameter(3, data.referrer().name())
                .setParameter(4, data.receivedAt())
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onReferralConverted(CloudEvent event, ReferralConverted data) {
        BigDecimal days = BigDecimal.valueOf(Duration.between(data.receivedAt(), data.convertedAt()).toSeconds())
                .divide(SECONDS_PER_DAY, 4, RoundingMode.HALF_UP);
        entityManager.createNativeQuery("""
                insert into partner_metrics (tenant_id, partner_id, referrals_converted, days_to_convert_sum)
                values (?1, ?2, 1, ?3)
                on conflict (tenant_id, partner_id) do update set
                    referrals_converted = partner_metrics.referrals_converted + 1,
                    days_to_convert_sum = partner_metrics.days_to_convert_sum + excluded.days_to_convert_sum""")
                .setParameter(1, event.tenantid())
                .setParameter(2, data.partnerId())
                .setParameter(3, days)
                .executeUpdate();
        entityManager.createNativeQuery("""
                insert into partner_revenue (tenant_id, partner_id, currency, amount) values (?1, ?2, ?3, ?4)
                on conflict (tenant_id, partner_id, currency) do update set
                    amount = partner_revenue.amount + excluded.amount""")
                .setParameter(1, event.tenantid())
                .setParameter(2, data.partnerId())
                .setParameter(3, data.programValue().currency())
                .setParameter(4, data.programValue().amount())
                .executeUpdate();
    }

    private void describePartner(String tenantId, UUID partnerId, String name, PartnerCategory category) {
        entityManager.createNativeQuery("""
                insert into partner_metrics (tenant_id, partner_id, partner_name, category) values (?1, ?2, ?3, ?4)
                on conflict (tenant_id, partner_id) do update set
                    partner_name = excluded.partner_name, category = excluded.category""")
                .setParameter(1, tenantId)
                .setParameter(2, partnerId)
                .setParameter(3, name)
                .setParameter(4, category.name())
                .executeUpdate();
    }
}
