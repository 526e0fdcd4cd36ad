package io.referrals.notification.entity;

import io.referrals.events.Consent;
import io.referrals.events.WireEnum;
import io.referrals.events.notification.NotificationSent;

/** What a message is; each kind has a template and needs a level of the referred person's consent. */
public enum NotificationKind implements WireEnum {
    /** Thanks to the referrer for an introduction, converted or not. Never names the person without consent. */
    REFERRAL_THANK_YOU(Consent.NONE),
    /** Tells the referrer that the practice made contact. */
    CONTACT_MADE_UPDATE(Consent.CONTACT_MADE),
    /** Tells the referrer how it ended: became a client, or not. */
    OUTCOME_UPDATE(Consent.OUTCOME),
    /** Asks the referrer, some time after a conversion, whether their person was pleased. */
    PLEASED_CHECK_IN(Consent.OUTCOME),
    /** A first message to a prospective partner. */
    PARTNER_OUTREACH(Consent.NONE),
    /** Introduces two partners to each other. */
    PARTNER_INTRODUCTION(Consent.NONE),
    /** The practice's own daily list of tasks due and overdue (opt-in); not a template. */
    DAILY_DIGEST(Consent.NONE);

    private final Consent needs;

    NotificationKind(Consent needs) {
        this.needs = needs;
    }

    /** The consent a message of this kind about a referral needs. */
    public Consent needs() {
        return needs;
    }

    public boolean hasTemplate() {
        return this != DAILY_DIGEST;
    }

    static {
        if (!REFERRAL_THANK_YOU.json().equals(NotificationSent.THANK_YOU)) {
            throw new IllegalStateException("the thank-you kind must match the contract");
        }
    }
}
