package io.referrals.metrics.service.projection;

import io.referrals.events.CloudEvent;
import io.referrals.events.referral.ReferralGiven;
import io.referrals.events.referral.RewardEarned;
import io.referrals.events.referral.RewardPaid;
import io.referrals.metrics.entity.GivenFact;
import io.referrals.metrics.entity.PartnerMetrics;
import io.referrals.metrics.entity.RewardFact;
import io.referrals.platform.persistence.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;
import java.util.function.Consumer;

/** Referrals given and rewards: what the practice gives back, folded into facts, buckets and partner totals. */
@ApplicationScoped
class ExchangeProjection {
    @Inject
    FactUpdates facts;

    @Inject
    Dormancy dormancy;

    @Transactional(Transactional.TxType.MANDATORY)
    public void onGiven(CloudEvent event, ReferralGiven data) {
        PartnerMetrics partner = facts.update(
                event.tenantid(),
                GivenFact.class,
                data.givenId(),
                data.partnerId(),
                (f, zone, scopes) -> ExchangeContributions.ofGiven(f, scopes),
                f -> {
                    f.givenOn = data.givenOn();
                    if (data.estimatedValue() != null) {
                        f.valueAmount = data.estimatedValue().amount();
                        f.valueCurrency = data.estimatedValue().currency();
                    }
                });
        if (partner.lastGivenOn == null || data.givenOn().isAfter(partner.lastGivenOn)) {
            partner.lastGivenOn = data.givenOn();
        }
        // A date, read as the start of its day in UTC, not in the practice's zone: the zone may arrive after this
        // event, and the activity time must not depend on that order (a rebuild showed it did).
        dormancy.activity(
                partner, data.givenOn().atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onRewardEarned(CloudEvent event, RewardEarned data) {
        changeReward(event.tenantid(), data.rewardId(), data.partnerId(), fact -> {
            fact.type = data.type();
            fact.earnedAt = Timestamps.stored(data.earnedAt());
            if (data.amount() != null) {
                fact.amount = data.amount().amount();
                fact.currency = data.amount().currency();
            }
        });
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onRewardPaid(CloudEvent event, RewardPaid data) {
        changeReward(event.tenantid(), data.rewardId(), data.partnerId(), fact -> {
            fact.paidAt = Timestamps.stored(data.paidAt());
            if (data.amount() != null) {
                fact.paidAmount = data.amount().amount();
                fact.paidCurrency = data.amount().currency();
            }
        });
    }

    private void changeReward(String tenantId, UUID rewardId, UUID partnerId, Consumer<RewardFact> change) {
        facts.update(tenantId, RewardFact.class, rewardId, partnerId, ExchangeContributions::ofReward, change);
    }
}
