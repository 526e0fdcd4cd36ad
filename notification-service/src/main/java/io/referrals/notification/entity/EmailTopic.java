package io.referrals.notification.entity;

/**
 * The kinds of the practice's email a partner can turn off in the portal (GET/PUT /api/portal/email-preferences), each
 * one or more {@link NotificationKind}s ({@link NotificationKind#topic()}). The portal's sign-in mail is none of them:
 * it is always sent.
 */
public enum EmailTopic {
    /** {@code referral_thank_you}. */
    THANK_YOUS("thank-yous"),
    /** {@code contact_made_update}, {@code outcome_update}: how a referral the partner made went on. */
    REFERRAL_UPDATES("referral updates"),
    /** {@code pleased_check_in}: asking after the person they referred, some time after a conversion. */
    CHECK_INS("check-ins"),
    /**
     * {@code partner_outreach}, {@code partner_introduction}, {@code campaign_ask}: the practice's other messages, about
     * no referral.
     */
    NEWS("news");

    private final String label;

    EmailTopic(String label) {
        this.label = label;
    }

    /** As the practice reads it in a suppressed message's reason. */
    public String label() {
        return label;
    }
}
