package io.referrals.metrics.service;

import io.referrals.events.CloudEvent;
import io.referrals.events.partner.PartnerCreated;
import io.referrals.events.partner.PartnerUpdated;
import io.referrals.events.referral.ReferralConverted;
import io.referrals.events.referral.ReferralReceived;
import io.referrals.metrics.entity.PartnerMetricsRepository;
import io.referrals.metrics.entity.PartnerRevenueRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/** Folds events into per-partner totals. Runs inside the inbox transaction that records the event id. */
@ApplicationScoped
public class MetricsProjection {
    private static final BigDecimal SECONDS_PER_DAY = BigDecimal.valueOf(86_400);

    @Inject
    PartnerMetricsRepository metrics;

    @Inject
    PartnerRevenueRepository revenue;

    @Transactional(Transactional.TxType.MANDATORY)
    public void onPartnerCreated(CloudEvent event, PartnerCreated data) {
        metrics.describe(event.tenantid(), data.partnerId(), data.name(), data.category());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onPartnerUpdated(CloudEvent event, PartnerUpdated data) {
        metrics.describe(event.tenantid(), data.partnerId(), data.name(), data.category());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onReferralReceived(CloudEvent event, ReferralReceived data) {
        metrics.addReceived(event.tenantid(), data.referrer().partnerId(), data.referrer().name(), data.receivedAt());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onReferralConverted(CloudEvent event, ReferralConverted data) {
        BigDecimal days = BigDecimal.valueOf(Duration.between(data.receivedAt(), data.convertedAt()).toSeconds())
                .divide(SECONDS_PER_DAY, 4, RoundingMode.HALF_UP);
        metrics.addConverted(event.tenantid(), data.partnerId(), days);
        revenue.add(event.tenantid(), data.partnerId(), data.programValue().currency(),
                data.programValue().amount());
    }
}
