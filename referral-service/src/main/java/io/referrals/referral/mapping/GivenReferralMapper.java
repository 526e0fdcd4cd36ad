package io.referrals.referral.mapping;

import io.referrals.events.referral.ReferralGiven;
import io.referrals.referral.entity.GivenReferral;
import io.referrals.referral.rest.GivenReferralRequests;
import io.referrals.referral.rest.GivenReferralView;

public final class GivenReferralMapper {
    private GivenReferralMapper() {
    }

    public static GivenReferralView toView(GivenReferral g, String partnerName) {
        return new GivenReferralView(g.id, g.partnerId, partnerName,
                new GivenReferralRequests.GivenPerson(g.personName, g.personEmail, g.personPhone), g.need, g.note,
                g.givenOn, g.createdAt);
    }

    /** Counts for reciprocity; names neither the person nor their contact details. */
    public static ReferralGiven toGiven(GivenReferral g) {
        return new ReferralGiven(g.id, g.partnerId, g.givenOn);
    }
}
