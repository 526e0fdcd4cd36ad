package io.referrals.events;

/** Who a partner is to the practice (the product brief's categories). */
public enum PartnerCategory implements WireEnum {
    CLIENT,
    PROFESSIONAL,
    CENTER_OF_INFLUENCE,
    ORGANIZATION,
    PROSPECT,
    COLLEAGUE,
    /** Fits for overflow and specialties only. */
    COMPETITOR,
    SALESPERSON,
    SERVES_YOUR_MARKET,
    /** A source created from a referral by someone not yet known, until the practice categorizes it. */
    UNCATEGORIZED
}
