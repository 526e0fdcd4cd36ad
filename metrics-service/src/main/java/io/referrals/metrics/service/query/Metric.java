package io.referrals.metrics.service.query;

import io.referrals.metrics.service.Measures;

/** What a time series counts or sums; money metrics give one series per currency. */
public enum Metric {
    RECEIVED(Measures.RECEIVED),
    CONVERTED(Measures.CONVERTED),
    REVENUE(Measures.REVENUE),
    GIVEN(Measures.GIVEN),
    /** Fees owed to partners, by the day they were earned. */
    FEES(Measures.FEES_OWED);

    private final String measure;

    Metric(String measure) {
        this.measure = measure;
    }

    public String measure() {
        return measure;
    }

    public boolean isMoney() {
        return Measures.isMoney(measure);
    }
}
