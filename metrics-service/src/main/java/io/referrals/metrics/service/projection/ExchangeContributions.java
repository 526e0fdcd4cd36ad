package io.referrals.metrics.service.projection;

import io.referrals.metrics.entity.GivenFact;
import io.referrals.metrics.entity.RewardFact;
import io.referrals.metrics.service.Measures;
import io.referrals.metrics.service.Scope;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * What flows back to partners: referrals given (by the day given, a date already local to the practice) and rewards
 * (fees to the partner, or rewards to the client) owed by earned day and paid by paid day. A payment counts once its
 * reward's type is known.
 */
final class ExchangeContributions {
    private ExchangeContributions() {}

    public static Contributions ofGiven(GivenFact fact, List<Scope> partnerScopes) {
        Contributions result = new Contributions();
        if (fact.givenOn == null) {
            return result;
        }
        List<Scope> all = new ArrayList<>(partnerScopes);
        all.add(Scope.practice());
        all.add(new Scope(Scope.CHANNEL, Scope.GIVEN_CHANNEL));
        return result.count(all, Measures.GIVEN, fact.givenOn)
                .add(all, Measures.GIVEN_VALUE, fact.valueCurrency, fact.givenOn, fact.valueAmount);
    }

    public static Contributions ofReward(RewardFact fact, ZoneId zone, List<Scope> partnerScopes) {
        Contributions result = new Contributions();
        if (fact.type == null) {
            return result;
        }
        List<Scope> all = new ArrayList<>(partnerScopes);
        all.add(Scope.practice());
        boolean fee = fact.type.paysPartner();
        if (fact.earnedAt != null) {
            result.add(
                    all,
                    fee ? Measures.FEES_OWED : Measures.REWARDS_OWED,
                    fact.currency,
                    Contributions.day(fact.earnedAt, zone),
                    fact.amount);
        }
        if (fact.paidAt != null) {
            BigDecimal paid = fact.paidAmount != null ? fact.paidAmount : fact.amount;
            String currency = fact.paidAmount != null ? fact.paidCurrency : fact.currency;
            result.add(
                    all,
                    fee ? Measures.FEES_PAID : Measures.REWARDS_PAID,
                    currency,
                    Contributions.day(fact.paidAt, zone),
                    paid);
        }
        return result;
    }
}
