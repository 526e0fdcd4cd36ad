package io.referrals.events;

/** What the referred person allows the referrer to be told. */
public enum Consent implements WireEnum {
    /** Nothing beyond a thank-you for the introduction. */
    NONE,
    /** That the practice made contact. */
    CONTACT_MADE,
    /** Whether they became a client. */
    OUTCOME
}
