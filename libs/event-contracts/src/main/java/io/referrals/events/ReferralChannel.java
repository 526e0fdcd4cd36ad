package io.referrals.events;

/** How an inbound referral reached the practice. */
public enum ReferralChannel implements WireEnum {
    /** Recorded through the API by the practice or an integration with a token. */
    API,
    /** Posted to one of the practice's intake links (a web form, a Zap). */
    INTAKE_LINK
}
