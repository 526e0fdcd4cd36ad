package io.referrals.events;

/** What a reward is: a fee owed to the partner under an agreement, or a reward given to the referred client. */
public enum RewardType implements WireEnum {
    /** Percent of the program value, owed to the partner. */
    REFERRAL_FEE,
    /** Fixed amount per converted referral, owed to the partner. */
    FLAT_FEE,
    /** Percent of the revenue the referred client brings, owed to the partner. */
    REVENUE_SHARE,
    /** Percent off the referred client's program, instead of paying the partner. */
    CLIENT_DISCOUNT,
    SESSION_CREDIT,
    PROGRAM_DISCOUNT,
    EXCLUSIVE_ACCESS,
    /** A donation to a charity of the client's choice. */
    CHARITY_DONATION;

    public boolean paysPartner() {
        return this == REFERRAL_FEE || this == FLAT_FEE || this == REVENUE_SHARE;
    }
}
