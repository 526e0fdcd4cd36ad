package io.referrals.metrics.service.query;

import java.math.BigDecimal;

/**
 * A month (YYYY-MM) against the practice's monthly referral goal: the projection only for the current month, new
 * clients and the referral share only once the practice recorded the month's new clients.
 */
public record Goals(
        String month,
        Integer target,
        long received,
        Long projection,
        long converted,
        Integer newClients,
        BigDecimal referralShare) {}
