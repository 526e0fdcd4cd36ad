package io.referrals.referral.mapping;

import io.referrals.events.Money;
import io.referrals.events.referral.ReferralGiven;
import io.referrals.referral.entity.GivenReferral;

/** Given referrals as the events announce them. */
public final class GivenReferralMapper {
    private GivenReferralMapper() {}

    /** Counts for reciprocity; names neither the person nor their contact details. */
    public static ReferralGiven toGiven(GivenReferral g) {
        Money value = g.estimatedValue == null ? null : new Money(g.estimatedValue, g.estimatedCurrency);
        return new ReferralGiven(g.id, g.partnerId, g.givenOn, value);
    }
}
