package io.referrals.events;

/** Who changed a partner's details: the practice (console, API, import) or the partner in the portal. */
public enum PartnerEditor implements WireEnum {
    PRACTICE,
    PARTNER
}
