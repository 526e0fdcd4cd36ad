package io.referrals.metrics.service.query;

import io.quarkus.panache.common.Sort;

/** What partner lists sort on; numbers sort highest first and names A to Z unless the order says otherwise. */
public enum PartnerSort {
    RECEIVED("referralsReceived"),
    CONVERTED("referralsConverted"),
    CONVERSION_RATE("conversionRate"),
    /** The revenue in the partner's largest currency. */
    REVENUE("topRevenue"),
    DAYS_TO_CONVERT("averageDaysToConvert"),
    DAYS_TO_BOOK("averageDaysToBook"),
    LAST_REFERRAL("lastReferralAt"),
    GIVEN("referralsGiven"),
    BALANCE("balance"),
    NAME("partnerName");

    private final String field;

    PartnerSort(String field) {
        this.field = field;
    }

    /** The order; {@code ascending} null takes the default. Ties and missing values go last, by partner id. */
    public Sort sort(Boolean ascending) {
        boolean up = ascending != null ? ascending : this == NAME;
        return Sort.by(field, up ? Sort.Direction.Ascending : Sort.Direction.Descending, Sort.NullPrecedence.NULLS_LAST)
                .and("partnerId");
    }
}
