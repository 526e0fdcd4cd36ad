package io.referrals.metrics.entity;

import io.referrals.events.RewardType;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** A reward earned by a converted referral and, once paid, its payment; either event may come first. */
@Entity
@Table(name = "metrics_reward")
@AttributeOverride(name = "id", column = @Column(name = "reward_id"))
public class RewardFact extends Fact {

    @Enumerated(EnumType.STRING)
    public RewardType type;

    public BigDecimal amount;

    public String currency;

    @Column(name = "earned_at")
    public Instant earnedAt;

    @Column(name = "paid_amount")
    public BigDecimal paidAmount;

    @Column(name = "paid_currency")
    public String paidCurrency;

    @Column(name = "paid_at")
    public Instant paidAt;
}
