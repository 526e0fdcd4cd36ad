package io.referrals.events.campaign;

import io.referrals.events.Money;
import io.referrals.events.RewardType;
import java.util.Objects;

/**
 * What a variant offers the partner: a reward referral-service records for them (beneficiary: the partner) when an
 * attributed referral earns it. {@code value} is what it costs the practice (a gift's price, a session's price, the
 * bump's amount), counted as the variant's incentive cost; {@code description} is how the ask names it ("a £25
 * bookshop voucher").
 */
public record CampaignIncentive(RewardType type, Money value, String description, IncentiveEarnedOn earnedOn) {
    public CampaignIncentive {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(earnedOn, "earnedOn");
    }
}
