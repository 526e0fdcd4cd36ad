package io.referrals.referral.service;

import io.referrals.events.CloudEvent;
import io.referrals.events.EventTypes;
import io.referrals.events.Money;
import io.referrals.events.ReferralStatus;
import io.referrals.events.RewardType;
import io.referrals.events.campaign.IncentiveEarnedOn;
import io.referrals.events.referral.ReferralConverted;
import io.referrals.platform.outbox.Outbox;
import io.referrals.platform.page.Page;
import io.referrals.platform.page.Paging;
import io.referrals.platform.persistence.Timestamps;
import io.referrals.platform.problem.ProblemException;
import io.referrals.referral.entity.AgreementTerms;
import io.referrals.referral.entity.AgreementTermsRepository;
import io.referrals.referral.entity.CampaignRepository;
import io.referrals.referral.entity.CampaignVariant;
import io.referrals.referral.entity.Referral;
import io.referrals.referral.entity.ReferralRepository;
import io.referrals.referral.entity.Reward;
import io.referrals.referral.entity.RewardQuery;
import io.referrals.referral.entity.RewardRepository;
import io.referrals.referral.mapping.RewardMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/**
 * Rewards of converted referrals. Fees follow from referral-service's own ReferralConverted events, computed under
 * the agreement in force when the referral was <em>received</em> (a later change of terms does not apply to it);
 * client rewards are recorded by hand. Each is owed until paid or waived.
 */
@ApplicationScoped
public class RewardService {

    @Inject
    RewardRepository rewards;

    @Inject
    AgreementTermsRepository agreements;

    @Inject
    ReferralRepository referralRepository;

    @Inject
    ReferralService referrals;

    @Inject
    CampaignRepository campaigns;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void onConverted(CloudEvent event, ReferralConverted data) {
        boolean earnsFees = referralRepository
                .findInTenant(event.tenantid(), data.referralId())
                .map(referral -> referral.attribution.earnsFees())
                .orElse(true);
        if (!earnsFees || data.partnerId() == null) {
            return; // an unverified attribution owes nothing until the practice confirms it
        }
        agreements
                .inForceAt(event.tenantid(), data.partnerId(), data.receivedAt())
                .ifPresent(terms ->
                        earnFee(event.tenantid(), data.referralId(), data.partnerId(), data.programValue(), terms));
        // A referral attributed to a campaign whose variant pays its incentive on conversion earns it now.
        referralRepository
                .findInTenant(event.tenantid(), data.referralId())
                .filter(referral -> referral.campaignId != null)
                .ifPresent(referral -> campaigns
                        .variant(referral.campaignId, referral.campaignVariant)
                        .filter(variant ->
                                variant.hasIncentive() && variant.incentiveEarnedOn == IncentiveEarnedOn.CONVERSION)
                        .ifPresent(variant -> earnCampaignIncentive(referral, variant)));
    }

    /**
     * A campaign's incentive for the partner whose referral is attributed to it (issue 29): a reward of the variant's
     * type and value, beneficiary the partner, announced as RewardEarned like any reward. Once per referral.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void earnCampaignIncentive(Referral referral, CampaignVariant variant) {
        if (rewards.hasCampaignIncentive(referral.tenantId, referral.id)) {
            return;
        }
        Reward reward = newReward(
                referral.tenantId,
                referral.id,
                referral.partnerId,
                variant.incentiveType,
                new Money(variant.incentiveAmount, variant.incentiveCurrency));
        reward.beneficiary = Reward.Beneficiary.PARTNER;
        reward.description = variant.incentiveDescription;
        reward.campaignId = variant.campaignId;
        earned(reward);
    }

    /**
     * The terms of an agreement can arrive after a conversion they cover was processed (they travel on another
     * topic): settle those conversions now, so the fee does not depend on which event came first.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void settleConversionsCoveredBy(AgreementTerms terms) {
        for (Referral referral :
                referralRepository.convertedReceivedSince(terms.tenantId, terms.partnerId, terms.activatedAt)) {
            agreements
                    .inForceAt(terms.tenantId, terms.partnerId, referral.receivedAt)
                    .filter(inForce -> inForce.agreementId.equals(terms.agreementId))
                    .ifPresent(inForce -> earnFee(
                            terms.tenantId,
                            referral.id,
                            referral.partnerId,
                            new Money(referral.programValue, referral.currency),
                            inForce));
        }
    }

    /** An attribution the practice just confirmed: a conversion already recorded now earns its fee. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void settleConfirmedAttribution(Referral referral) {
        if (referral.status != ReferralStatus.CONVERTED) {
            return;
        }
        agreements
                .inForceAt(referral.tenantId, referral.partnerId, referral.receivedAt)
                .ifPresent(terms -> earnFee(
                        referral.tenantId,
                        referral.id,
                        referral.partnerId,
                        new Money(referral.programValue, referral.currency),
                        terms));
    }

    private void earnFee(String tenantId, UUID referralId, UUID partnerId, Money programValue, AgreementTerms terms) {
        if (rewards.hasFee(tenantId, referralId)) {
            return;
        }
        FeeCalculator.feeFor(terms, programValue).ifPresent(fee -> {
            Reward reward = newReward(tenantId, referralId, partnerId, fee.type(), fee.amount());
            reward.agreementId = terms.agreementId;
            reward.percent = fee.percent();
            reward.beneficiary =
                    fee.type().paysPartner() ? Reward.Beneficiary.PARTNER : Reward.Beneficiary.REFERRED_CLIENT;
            earned(reward);
        });
    }

    /** A reward for a client who referred someone: session credit, discount, exclusive access, a donation. */
    @Transactional
    public Reward recordClientReward(String tenantId, UUID referralId, RewardCommands.ClientReward request) {
        Referral referral = referrals.get(tenantId, referralId);
        if (request.type().paysPartner() || request.type() == RewardType.CLIENT_DISCOUNT) {
            throw ProblemException.invalidField(
                    "type",
                    "fees, fee bumps and client discounts follow from agreements and campaigns; record "
                            + "session_credit, program_discount, exclusive_access, charity_donation or thank_you_gift");
        }
        Reward reward = newReward(tenantId, referral.id, referral.partnerId, request.type(), request.value());
        reward.beneficiary = Reward.Beneficiary.PARTNER;
        reward.description = request.description().strip();
        earned(reward);
        return reward;
    }

    @Transactional
    public Reward pay(String tenantId, UUID id, RewardCommands.Payment request) {
        Reward reward = owed(tenantId, id);
        reward.status = Reward.Status.PAID;
        reward.paidAt = request.paidAt() == null ? Timestamps.now(clock) : request.paidAt();
        reward.paymentReference = request.reference();
        outbox.publish(EventTypes.REWARD_PAID, tenantId, reward.referralId, RewardMapper.toPaid(reward));
        return reward;
    }

    @Transactional
    public Reward waive(String tenantId, UUID id, RewardCommands.Waiver request) {
        Reward reward = owed(tenantId, id);
        reward.status = Reward.Status.WAIVED;
        reward.waivedAt = Timestamps.now(clock);
        reward.waiverReason = request.reason().strip();
        return reward;
    }

    public Reward get(String tenantId, UUID id) {
        return rewards.findInTenant(tenantId, id).orElseThrow(() -> ProblemException.notFound("Reward", id));
    }

    public Page<Reward> list(String tenantId, RewardQuery query, Paging paging) {
        return rewards.list(tenantId, query, paging);
    }

    private Reward owed(String tenantId, UUID id) {
        Reward reward = get(tenantId, id);
        if (reward.status != Reward.Status.OWED) {
            throw ProblemException.conflict(
                    "reward-settled",
                    "Reward already settled",
                    "The reward is " + reward.status.json() + "; only an owed reward can be paid or waived.",
                    Map.of("rewardStatus", reward.status.json()));
        }
        return reward;
    }

    private Reward newReward(String tenantId, UUID referralId, UUID partnerId, RewardType type, Money value) {
        Reward reward = new Reward();
        reward.id = UUID.randomUUID();
        reward.tenantId = tenantId;
        reward.referralId = referralId;
        reward.partnerId = partnerId;
        reward.type = type;
        reward.amount = value == null ? null : value.amount();
        reward.currency = value == null ? null : value.currency();
        reward.status = Reward.Status.OWED;
        reward.earnedAt = Timestamps.now(clock);
        return reward;
    }

    private void earned(Reward reward) {
        rewards.persist(reward);
        outbox.publish(EventTypes.REWARD_EARNED, reward.tenantId, reward.referralId, RewardMapper.toEarned(reward));
    }
}
