package io.referrals.referral.service.portal;

import io.referrals.events.RewardType;
import io.referrals.referral.entity.AgreementTerms;
import io.referrals.referral.entity.Reward;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.UUID;

/**
 * A reward as the partner who receives it sees it in the portal: a fee (cash) or a thank-you that is not money, its
 * status and amount, and for a fee the terms of the agreement it was computed under. Never the practice's payment
 * reference nor its reason for a waiver.
 */
public record PortalReward(
        UUID id,
        UUID referralId,
        RewardType type,
        boolean cash,
        Reward.Status status,
        BigDecimal amount,
        String currency,
        BigDecimal percent,
        String description,
        Instant earnedAt,
        Instant paidAt,
        Instant waivedAt,
        Terms terms) {

    /**
     * The agreement's terms in words: what the partner gets for a referral that becomes a client, and (for a paid
     * partner, when known) what the clients they refer are told about it.
     */
    public record Terms(String summary, String disclosure) {}

    public static PortalReward of(Reward reward, AgreementTerms agreement) {
        return new PortalReward(
                reward.id,
                reward.referralId,
                reward.type,
                reward.type.paysPartner(),
                reward.status,
                scaled(reward.amount),
                reward.currency,
                scaled(reward.percent),
                reward.description,
                reward.earnedAt,
                reward.paidAt,
                reward.waivedAt,
                agreement == null ? null : termsOf(agreement));
    }

    static Terms termsOf(AgreementTerms agreement) {
        return new Terms(summaryOf(agreement), disclosureOf(agreement));
    }

    static String summaryOf(AgreementTerms a) {
        String what = switch (a.compensationType) {
            case REFERRAL_FEE_PERCENT ->
                percent(a.percent) + " of the program value of each referral who becomes a client";
            case FLAT_FEE ->
                a.flatFeeCurrency + " " + scaled(a.flatFeeAmount).toPlainString()
                        + " for each referral who becomes a client";
            case REVENUE_SHARE_PERCENT -> percent(a.percent) + " of the revenue each client you referred brings";
            case CLIENT_DISCOUNT_PERCENT ->
                "The client you refer gets " + percent(a.percent) + " off their program; no fee is paid to you";
            case NONE -> "No fee";
        };
        String period = a.effectiveTo == null
                ? "in force from " + a.effectiveFrom
                : "in force from " + a.effectiveFrom + " to " + a.effectiveTo;
        return what + " (agreement " + period + ").";
    }

    /**
     * What the clients a paid partner refers are told about the fee, from the agreement's feeDisclosedToClients.
     * Null when nothing is paid to the partner, or for terms referral-service copied before it kept the flag.
     */
    static String disclosureOf(AgreementTerms a) {
        if (!a.compensationType.paysPartner() || a.feeDisclosedToClients == null) {
            return null;
        }
        return a.feeDisclosedToClients
                ? "The practice tells the clients you refer that you receive this fee for referring them."
                : "The practice does not tell the clients you refer about this fee. If your professional rules "
                        + "require you to disclose referral fees, tell them yourself.";
    }

    private static String percent(BigDecimal percent) {
        return percent.stripTrailingZeros().toPlainString() + "%";
    }

    private static BigDecimal scaled(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_EVEN);
    }
}
