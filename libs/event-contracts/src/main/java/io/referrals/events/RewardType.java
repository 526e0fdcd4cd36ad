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
    /** A donation to a charity of the client's choice (or, as a campaign's incentive, of the partner's). */
    CHARITY_DONATION,
    /**
     * A thank-you gift to the partner (a voucher, a book), a campaign's incentive (issue 29). Added after v1's first
     * consumers: every consumer of {@code referral.events} is deployed before referral-service emits it.
     */
    THANK_YOU_GIFT,
    /**
     * An amount on top of the agreement's fee, owed to the partner: a campaign's incentive (issue 29); same deploy
     * order as {@link #THANK_YOU_GIFT}.
     */
    FEE_BUMP;

    /** Money owed to the partner: what the practice pays out and shows on the partner's balance. */
    public boolean paysPartner() {
        return this == REFERRAL_FEE || this == FLAT_FEE || this == REVENUE_SHARE || this == FEE_BUMP;
    }
}
