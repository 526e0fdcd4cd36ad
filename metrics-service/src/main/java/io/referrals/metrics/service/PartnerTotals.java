package io.referrals.metrics.service;

import io.referrals.metrics.entity.PartnerMetrics;
import io.referrals.metrics.entity.PartnerRevenue;
import java.util.List;

/** One partner's running totals and the revenue attributed to it, one entry per currency. */
public record PartnerTotals(PartnerMetrics totals, List<PartnerRevenue> revenue) {}
