package io.referrals.partner.entity;

import io.referrals.events.RewardType;
import io.referrals.events.campaign.IncentiveEarnedOn;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;

/** One variant of a campaign: its ask and its incentive (all incentive fields null: none). */
@Embeddable
public class CampaignVariantTerms {
    @Column(name = "key", nullable = false)
    public String key;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public int weight;

    @Column(name = "ask_subject", nullable = false)
    public String askSubject;

    @Column(name = "ask_body", nullable = false)
    public String askBody;

    @Enumerated(EnumType.STRING)
    @Column(name = "incentive_type")
    public RewardType incentiveType;

    /** What the incentive costs the practice, four decimals. */
    @Column(name = "incentive_amount", precision = 19, scale = 4)
    public BigDecimal incentiveAmount;

    @Column(name = "incentive_currency", length = 3)
    public String incentiveCurrency;

    @Column(name = "incentive_description")
    public String incentiveDescription;

    @Enumerated(EnumType.STRING)
    @Column(name = "incentive_earned_on")
    public IncentiveEarnedOn incentiveEarnedOn;

    public boolean hasIncentive() {
        return incentiveType != null;
    }
}
