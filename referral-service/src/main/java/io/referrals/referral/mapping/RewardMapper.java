package io.referrals.referral.mapping;

import io.referrals.events.Money;
import io.referrals.events.referral.RewardEarned;
import io.referrals.events.referral.RewardPaid;
import io.referrals.referral.entity.Reward;

/** Rewards as the events announce them. */
public final class RewardMapper {
    private RewardMapper() {}

    public static RewardEarned toEarned(Reward r) {
        return new RewardEarned(r.id, r.referralId, r.partnerId, r.type, money(r), r.agreementId, r.earnedAt);
    }

    public static RewardPaid toPaid(Reward r) {
        return new RewardPaid(r.id, r.referralId, r.partnerId, money(r), r.paidAt);
    }

    private static Money money(Reward r) {
        return r.amount == null ? null : new Money(r.amount, r.currency);
    }
}
