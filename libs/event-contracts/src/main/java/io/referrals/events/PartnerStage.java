package io.referrals.events;

/** Where a referral relationship stands (the product brief's lifecycle), plus its two off-ramps. */
public enum PartnerStage implements WireEnum {
    IDENTIFIED,
    REACHED_OUT,
    BUILDING_RAPPORT,
    MUTUAL_BENEFIT_AGREED,
    /** An active referral partner. */
    TRUSTED,
    DORMANT,
    /** Needs a reason: not all referral relationships work out. */
    ENDED
}
