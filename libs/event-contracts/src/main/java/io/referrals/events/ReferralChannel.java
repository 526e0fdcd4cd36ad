package io.referrals.events;

/** How an inbound referral reached the practice. */
public enum ReferralChannel implements WireEnum {
    /** Recorded through the API by the practice or an integration with a token. */
    API,
    /** Posted to one of the practice's intake links (a web form, a Zap). */
    INTAKE_LINK,
    /**
     * Made by the referring partner themselves, signed in to the practice's partner portal (issue 28). Added after
     * v1's first consumers: a consumer built before it cannot read the value and parks the event on its dead-letter
     * topic, so every consumer of {@code referral.events} is deployed before referral-service emits it.
     */
    PORTAL
}
