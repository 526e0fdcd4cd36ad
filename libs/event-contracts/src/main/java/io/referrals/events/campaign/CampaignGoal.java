package io.referrals.events.campaign;

import io.referrals.events.WireEnum;

/** The rate a campaign's variants are compared on; the results show both, the verdict speaks of this one. */
public enum CampaignGoal implements WireEnum {
    /** Partners who referred at least once in the window, per partner asked: did the ask move them? */
    PARTNERS_REFERRING,
    /** Referrals that became clients, per attributed referral: did the ask bring the right people? */
    CONVERSIONS
}
