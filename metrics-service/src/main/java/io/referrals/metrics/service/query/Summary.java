package io.referrals.metrics.service.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A practice's referral numbers over a range of local days; partner counts and overdue contacts are as of now. */
public record Summary(
        LocalDate from,
        LocalDate to,
        long received,
        long converted,
        Closed closedWithoutConversion,
        BigDecimal conversionRate,
        BigDecimal medianDaysToConvert,
        BigDecimal meanDaysToConvert,
        BigDecimal averageDaysToBook,
        List<Amount> revenue,
        List<Amount> feesOwed,
        List<Amount> feesPaid,
        List<Amount> rewardsOwed,
        List<Amount> rewardsPaid,
        long given,
        Partners partners,
        FirstContacts firstContacts) {

    /** Referrals closed without conversion, in total and per outcome (by its JSON name). */
    public record Closed(long total, Map<String, Long> byReason) {}

    public record Partners(long active, long dormant, long candidates) {}

    public record FirstContacts(long made, long withinDeadline, BigDecimal withinDeadlineRate, long overdueNow) {}
}
