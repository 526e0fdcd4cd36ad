package io.referrals.events;

/** One topic per producing service, keyed by aggregate id; and the dead-letter topic of each consumer. */
public final class Topics {
    public static final String PARTNER_EVENTS = "partner.events";
    public static final String REFERRAL_EVENTS = "referral.events";
    public static final String METRICS_EVENTS = "metrics.events";

    private Topics() {
    }

    /** Where a consuming service parks events it cannot read, e.g. {@code metrics-service.dlq}. */
    public static String deadLetter(String consumerService) {
        return consumerService + ".dlq";
    }
}
