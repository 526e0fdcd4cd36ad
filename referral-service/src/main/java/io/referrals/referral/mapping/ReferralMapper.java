package io.referrals.referral.mapping;

import io.referrals.events.Money;
import io.referrals.events.referral.ReferralConverted;
import io.referrals.events.referral.ReferralReceived;
import io.referrals.events.referral.Referrer;
import io.referrals.referral.entity.Referral;
import io.referrals.referral.rest.ReferralRequests;
import io.referrals.referral.rest.ReferralView;
import java.math.RoundingMode;

public final class ReferralMapper {
    private ReferralMapper() {
    }

    public static ReferralView toView(Referral r) {
        return new ReferralView(r.id, r.partnerId, r.referrerName,
                new ReferralRequests.ReferredPerson(r.referredName, r.referredEmail, r.referredPhone), r.note,
                r.consent, r.status, r.programValue == null ? null : r.programValue.setScale(2, RoundingMode.UNNECESSARY),
                r.currency, r.receivedAt, r.convertedAt, r.possibleDuplicateOf);
    }

    /** The event names the referred person but carries none of their contact details. */
    public static ReferralReceived toReceived(Referral r) {
        return new ReferralReceived(r.id, new Referrer(r.partnerId, r.referrerName, r.referrerEmail), r.referredName,
                r.consent, r.receivedAt);
    }

    public static ReferralConverted toConverted(Referral r) {
        return new ReferralConverted(r.id, r.partnerId, new Money(r.programValue, r.currency), r.receivedAt,
                r.convertedAt);
    }
}
