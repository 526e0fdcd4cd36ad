package io.referrals.metrics.service;

import io.referrals.metrics.entity.PartnerMetrics;
import io.referrals.metrics.entity.PartnerRevenue;
import io.referrals.metrics.rest.PartnerMetricsView;
import io.referrals.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.UUID;

@ApplicationScoped
public class MetricsQueries {

    /** A partner this practice has never mentioned in an event is not found, whoever else may know it. */
    public PartnerMetricsView partner(String tenantId, UUID partnerId) {
        PartnerMetrics m = PartnerMetrics.<PartnerMetrics>findByIdOptional(new PartnerMetrics.Key(tenantId, partnerId))
                .orElseThrow(() -> ProblemException.notFound("Partner", partnerId));
        var revenue = PartnerRevenue.forPartner(tenantId, partnerId).stream()
                .map(r -> new PartnerMetricsView.Amount(r.amount.setScale(2, RoundingMode.HALF_EVEN), r.key.currency()))
                .toList();
        BigDecimal rate = m.referralsReceived == 0 ? null
                : BigDecimal.valueOf(m.referralsConverted).divide(BigDecimal.valueOf(m.referralsReceived), 4,
                        RoundingMode.HALF_EVEN);
        BigDecimal averageDays = m.referralsConverted == 0 ? null
                : m.daysToConvertSum.divide(BigDecimal.valueOf(m.referralsConverted), 1, RoundingMode.HALF_EVEN);
        return new PartnerMetricsView(partnerId, m.partnerName, m.category, m.referralsReceived, m.referralsConverted,
                rate, averageDays, m.firstReferralAt, m.lastReferralAt, revenue);
    }
}
