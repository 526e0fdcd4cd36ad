package io.referrals.metrics.service.query;

import java.util.List;

/** One partner's numbers in one local month (YYYY-MM). */
public record MonthNumbers(String month, long received, long converted, long given, List<Amount> revenue) {}
