package io.referrals.referral.service;

import io.referrals.events.CloudEvent;
import io.referrals.events.EventTypes;
import io.referrals.events.Money;
import io.referrals.events.ReferralStatus;
import io.referrals.events.RewardType;
import io.referrals.events.referral.ReferralConverted;
import io.referrals.events.referral.RewardEarned;
import io.referrals.events.referral.RewardPaid;
import io.referrals.platform.outbox.Outbox;
import io.referrals.platform.persistence.Timestamps;
import io.referrals.platform.problem.ProblemException;
import io.referrals.referral.entity.AgreementTerms;
import io.referrals.referral.entity.Referral;
import io.referrals.referral.entity.Reward;
import io.referrals.referral.rest.RewardRequests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
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
    Outbox outbox;

    @Inject
    ReferralService referrals;

    @Transactional(Transactional.TxType.MANDATORY)
    public void onConverted(CloudEvent event, ReferralConverted data) {
        AgreementTerms.inForceAt(event.tenantid(), data.partnerId(), data.receivedAt()).ifPresent(terms ->
                earnFee(event.tenantid(), data.referralId(), data.partnerId(), data.programValue(), terms));
    }

    /**
     * The terms of an agreement can arrive after a conversion they cover was processed (they travel on another
     * topic): settle those conversions now, so the fee does not depend on which event came first.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void settleConversionsCoveredBy(AgreementTerms terms) {
        List<Referral> converted = Referral.list("tenantId = ?1 and partnerId = ?2 and status = ?3 and receivedAt >= ?4",
                terms.tenantId, terms.partnerId, ReferralStatus.CONVERTED, terms.activatedAt);
        for (Referral referral : converted) {
            AgreementTerms.inForceAt(terms.tenantId, terms.partnerId, referral.receivedAt)
                    .filter(inForce -> inForce.agreementId.equals(terms.agreementId))
                    .ifPresent(inForce -> earnFee(terms.tenantId, referral.id, referral.partnerId,
                            new Money(referral.programValue, referral.currency), inForce));
        }
    }

    private void earnFee(String tenantId, UUID referralId, UUID partnerId, Money programValue, AgreementTerms terms) {
        if (Reward.count("tenantId = ?1 and referralId = ?2 and agreementId is not null", tenantId, referralId) > 0) {
            return;
        }
        FeeCalculator.feeFor(terms, programValue).ifPresent(fee -> {
            Reward reward = newReward(tenantId, referralId, partnerId, fee.type(), fee.amount());
            reward.agreementId = terms.agreementId;
            reward.percent = fee.percent();
            reward.beneficiary = fee.type().paysPartner() ? Reward.Beneficiary.PARTNER
                    : Reward.Beneficiary.REFERRED_CLIENT;
            earned(reward);
        });
    }

    /** A reward for a client who referred someone: session credit, discount, exclusive access, a donation. */
    @Transactional
    public Reward recordClientReward(String tenantId, UUID referralId, RewardRequests.ClientReward request) {
        Referral referral = referrals.get(tenantId, referralId);
        if (request.type().paysPartner() || request.type() == RewardType.CLIENT_DISCOUNT) {
            throw ProblemException.invalidField("type",
                    "fees and client discounts follow from agreements; record session_credit, program_discount, "
                            + "exclusive_access or charity_donation");
        }
        Reward reward = newReward(tenantId, referral.id, referral.partnerId, request.type(), request.value());
        reward.beneficiary = Reward.Beneficiary.PARTNER;
        reward.description = request.description().strip();
        earned(reward);
        return reward;
    }

    @Transactional
    public Reward pay(String tenantId, UUID id, RewardRequests.Payment request) {
        Reward reward = owed(tenantId, id);
        reward.status = Reward.Status.PAID;
        reward.paidAt = request.paidAt() == null ? Timestamps.now() : request.paidAt();
        reward.paymentReference = request.reference();
        outbox.publish(EventTypes.REWARD_PAID, tenantId, reward.referralId, new RewardPaid(reward.id, reward.referralId,
                reward.partnerId, money(reward), reward.paidAt));
        return reward;
    }

    @Transactional
    public Reward waive(String tenantId, UUID id, RewardRequests.Waiver request) {
        Reward reward = owed(tenantId, id);
        reward.status = Reward.Status.WAIVED;
        reward.waivedAt = Timestamps.now();
        reward.waiverReason = request.reason().strip();
        return reward;
    }

    public Reward get(String tenantId, UUID id) {
        return Reward.findInTenant(tenantId, id).orElseThrow(() -> ProblemException.notFound("Reward", id));
    }

    private Reward owed(String tenantId, UUID id) {
        Reward reward = get(tenantId, id);
        if (reward.status != Reward.Status.OWED) {
            throw ProblemException.conflict("reward-settled", "Reward already settled",
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
        reward.earnedAt = Timestamps.now();
        return reward;
    }

    private void earned(Reward reward) {
        reward.persist();
        outbox.publish(EventTypes.REWARD_EARNED, reward.tenantId, reward.referralId, new RewardEarned(reward.id,
                reward.referralId, reward.partnerId, reward.type, money(reward), reward.agreementId, reward.earnedAt));
    }

    private static Money money(Reward reward) {
        return reward.amount == null ? null : new Money(reward.amount, reward.currency);
    }

}
