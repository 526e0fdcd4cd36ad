package io.referrals.referral.mapping;

import io.referrals.events.referral.ReferralGiven;
import io.referrals.referral.entity.GivenReferral;

/** Given referrals as the events announce them. */
public final class GivenReferralMapper {
    private GivenReferralMapper() {
    }

    /** Counts for reciprocity; names neither the person nor their contact details. */
    public static ReferralGiven toGiven(GivenReferral g) {
        return new ReferralGiven(g.id, g.partnerId, g.givenOn);
    }
}
