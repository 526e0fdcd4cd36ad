package io.referrals.metrics.service;

import io.referrals.metrics.entity.PartnerMetricsRepository;
import io.referrals.metrics.entity.PartnerRevenueRepository;
import io.referrals.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

@ApplicationScoped
public class MetricsQueries {

    @Inject
    PartnerMetricsRepository metrics;

    @Inject
    PartnerRevenueRepository revenue;

    /** A partner this practice has never mentioned in an event is not found, whoever else may know it. */
    public PartnerTotals partner(String tenantId, UUID partnerId) {
        return metrics.findInTenant(tenantId, partnerId)
                .map(totals -> new PartnerTotals(totals, revenue.forPartner(tenantId, partnerId)))
                .orElseThrow(() -> ProblemException.notFound("Partner", partnerId));
    }
}
