package io.referrals.notification.entity;

import io.referrals.events.Consent;
import io.referrals.events.WireEnum;
import io.referrals.events.notification.NotificationSent;

/** What a message is; each kind has a template and needs a level of the referred person's consent. */
public enum NotificationKind implements WireEnum {
    /** Thanks to the referrer for an introduction, converted or not. Never names the person without consent. */
    REFERRAL_THANK_YOU(Consent.NONE, EmailTopic.THANK_YOUS),
    /** Tells the referrer that the practice made contact. */
    CONTACT_MADE_UPDATE(Consent.CONTACT_MADE, EmailTopic.REFERRAL_UPDATES),
    /** Tells the referrer how it ended: became a client, or not. */
    OUTCOME_UPDATE(Consent.OUTCOME, EmailTopic.REFERRAL_UPDATES),
    /** Asks the referrer, some time after a conversion, whether their person was pleased. */
    PLEASED_CHECK_IN(Consent.OUTCOME, EmailTopic.CHECK_INS),
    /** A first message to a prospective partner. */
    PARTNER_OUTREACH(Consent.NONE, EmailTopic.NEWS),
    /** Introduces two partners to each other. */
    PARTNER_INTRODUCTION(Consent.NONE, EmailTopic.NEWS),
    /**
     * A campaign's ask for referrals (issue 29), written from the campaign's variant, not from a template of the
     * practice's; under the partner's "news" preference, as the practice's other messages about no referral.
     */
    CAMPAIGN_ASK(Consent.NONE, EmailTopic.NEWS),
    /** The practice's own daily list of tasks due and overdue (opt-in); not a template. */
    DAILY_DIGEST(Consent.NONE, null);

    private final Consent needs;
    private final EmailTopic topic;

    NotificationKind(Consent needs, EmailTopic topic) {
        this.needs = needs;
        this.topic = topic;
    }

    /**
     * Which of a partner's email preferences decides whether a message of this kind reaches them; null for the
     * practice's own digest, which goes to no partner.
     */
    public EmailTopic topic() {
        return topic;
    }

    /** The consent a message of this kind about a referral needs. */
    public Consent needs() {
        return needs;
    }

    /** Whether the practice keeps a template of this kind (a campaign ask's text is the campaign's). */
    public boolean hasTemplate() {
        return this != DAILY_DIGEST && this != CAMPAIGN_ASK;
    }

    static {
        if (!REFERRAL_THANK_YOU.json().equals(NotificationSent.THANK_YOU)) {
            throw new IllegalStateException("the thank-you kind must match the contract");
        }
    }
}
