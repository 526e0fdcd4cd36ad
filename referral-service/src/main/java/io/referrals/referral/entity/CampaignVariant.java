package io.referrals.referral.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.referrals.events.RewardType;
import io.referrals.events.campaign.IncentiveEarnedOn;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;

/** One variant of a campaign: its ask (copied into each campaign link's event) and its incentive (null: none). */
@Entity
@Table(name = "campaign_variant")
public class CampaignVariant extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "campaign_id", nullable = false, updatable = false)
    public UUID campaignId;

    /** The variant's key ({@code a}, {@code b}). */
    @Column(nullable = false, updatable = false)
    public String variant;

    @Column(nullable = false)
    public String name;

    @Column(name = "ask_subject", nullable = false)
    public String askSubject;

    @Column(name = "ask_body", nullable = false)
    public String askBody;

    @Enumerated(EnumType.STRING)
    @Column(name = "incentive_type")
    public RewardType incentiveType;

    @Column(name = "incentive_amount", precision = 19, scale = 4)
    public BigDecimal incentiveAmount;

    @Column(name = "incentive_currency")
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
