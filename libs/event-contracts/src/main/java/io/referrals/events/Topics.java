package io.referrals.events;

/** One topic per producing service, keyed by aggregate id; and the dead-letter topic of each consumer. */
public final class Topics {
    public static final String PARTNER_EVENTS = "partner.events";
    public static final String REFERRAL_EVENTS = "referral.events";
    public static final String METRICS_EVENTS = "metrics.events";
    public static final String NOTIFICATION_EVENTS = "notification.events";
    /**
     * Portal sign-in links for notification-service to mail (partner-service writes, only notification-service reads):
     * each record holds a link's secret, so the topic is apart from {@code partner.events}, which every service reads
     * and keeps forever, and keeps a record {@link #PORTAL_SIGN_IN_RETENTION_MS}.
     */
    public static final String PORTAL_SIGN_IN = "partner.portal-sign-in";
    /**
     * Campaign links for notification-service to put in a campaign's asks (referral-service writes, only
     * notification-service reads): each record holds an intake link's secret, so the topic is apart from
     * {@code referral.events}, and keeps a record {@link #CAMPAIGN_LINKS_RETENTION_MS}.
     */
    public static final String CAMPAIGN_LINKS = "referral.campaign-links";

    private static final java.util.Map<String, String> PRODUCERS = java.util.Map.of(
            PARTNER_EVENTS, "partner-service",
            REFERRAL_EVENTS, "referral-service",
            METRICS_EVENTS, "metrics-service",
            NOTIFICATION_EVENTS, "notification-service",
            PORTAL_SIGN_IN, "partner-service",
            CAMPAIGN_LINKS, "referral-service");

    private Topics() {}

    /**
     * The CloudEvents {@code source} of every event on an event topic: the one service that publishes there, e.g.
     * {@code /referral-service} for {@code referral.events}; empty for a topic that is not an event topic.
     */
    public static java.util.Optional<String> source(String topic) {
        return java.util.Optional.ofNullable(PRODUCERS.get(topic)).map(service -> "/" + service);
    }

    /** Dead-letter topics keep a record for two weeks: long enough to look at it, short for personal data. */
    public static final long DEAD_LETTER_RETENTION_MS = 14L * 24 * 60 * 60 * 1000;

    /**
     * A sign-in link is valid 15 minutes; a day covers a mail outage of that length with room to look at a record, and
     * keeps used-up secrets no longer than needed.
     */
    public static final long PORTAL_SIGN_IN_RETENTION_MS = 24L * 60 * 60 * 1000;

    /**
     * An ask is written as soon as its link arrives; a week covers an outage of notification-service that long, and
     * keeps the links (valid while their campaign runs) no longer than needed.
     */
    public static final long CAMPAIGN_LINKS_RETENTION_MS = 7L * 24 * 60 * 60 * 1000;

    /**
     * How long a topic keeps its records: event topics forever ({@code -1}), because a read model (the metrics) is
     * rebuilt by replaying them from the start; dead-letter topics {@link #DEAD_LETTER_RETENTION_MS}; the portal's
     * sign-in links {@link #PORTAL_SIGN_IN_RETENTION_MS}; campaign links {@link #CAMPAIGN_LINKS_RETENTION_MS}.
     */
    public static long retentionMs(String topic) {
        if (topic.equals(PORTAL_SIGN_IN)) {
            return PORTAL_SIGN_IN_RETENTION_MS;
        }
        if (topic.equals(CAMPAIGN_LINKS)) {
            return CAMPAIGN_LINKS_RETENTION_MS;
        }
        return topic.endsWith(".dlq") ? DEAD_LETTER_RETENTION_MS : -1;
    }

    /** Where a consuming service parks events it cannot read, e.g. {@code metrics-service.dlq}. */
    public static String deadLetter(String consumerService) {
        return consumerService + ".dlq";
    }
}
