package io.referrals.referral.service;

import io.referrals.events.Money;
import io.referrals.events.RewardType;
import io.referrals.referral.entity.AgreementTerms;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * What a converted referral earns under an agreement: a percent of the program value (referral fee, revenue share,
 * or a discount for the referred client instead), a flat fee, or nothing. Exact decimals, rounded half-even to cents.
 */
public final class FeeCalculator {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private FeeCalculator() {}

    public record Fee(RewardType type, BigDecimal percent, Money amount) {}

    public static Optional<Fee> feeFor(AgreementTerms terms, Money programValue) {
        return switch (terms.compensationType) {
            case NONE -> Optional.empty();
            case FLAT_FEE ->
                Optional.of(new Fee(
                        RewardType.FLAT_FEE,
                        null,
                        new Money(terms.flatFeeAmount.setScale(2, RoundingMode.HALF_EVEN), terms.flatFeeCurrency)));
            case REFERRAL_FEE_PERCENT -> Optional.of(percentOf(RewardType.REFERRAL_FEE, terms.percent, programValue));
            case REVENUE_SHARE_PERCENT -> Optional.of(percentOf(RewardType.REVENUE_SHARE, terms.percent, programValue));
            case CLIENT_DISCOUNT_PERCENT ->
                Optional.of(percentOf(RewardType.CLIENT_DISCOUNT, terms.percent, programValue));
        };
    }

    private static Fee percentOf(RewardType type, BigDecimal percent, Money value) {
        BigDecimal amount = value.amount().multiply(percent).divide(HUNDRED, 2, RoundingMode.HALF_EVEN);
        return new Fee(type, percent, new Money(amount, value.currency()));
    }
}
