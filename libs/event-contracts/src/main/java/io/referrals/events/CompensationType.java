package io.referrals.events;

/** What a partner gets for a referral that converts, under an agreement. */
public enum CompensationType implements WireEnum {
    NONE,
    /** A percentage of the initial program value (10-20 % is common). */
    REFERRAL_FEE_PERCENT,
    /** A fixed amount per converted referral. */
    FLAT_FEE,
    /** A percentage of the revenue the referred client brings. */
    REVENUE_SHARE_PERCENT,
    /** No payment to the partner: the referred client gets a discount instead. */
    CLIENT_DISCOUNT_PERCENT;

    /** Whether money goes to the partner, which licensing boards restrict for some professions. */
    public boolean paysPartner() {
        return this == REFERRAL_FEE_PERCENT || this == FLAT_FEE || this == REVENUE_SHARE_PERCENT;
    }

    public boolean isPercent() {
        return this == REFERRAL_FEE_PERCENT || this == REVENUE_SHARE_PERCENT || this == CLIENT_DISCOUNT_PERCENT;
    }
}
