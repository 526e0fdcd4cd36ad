package io.referrals.metrics.entity;

import io.referrals.events.ReferralChannel;
import io.referrals.events.ReferralStatus;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** What the events of one inbound referral said so far, merged so that their order does not matter. */
@Entity
@Table(name = "metrics_referral")
@AttributeOverride(name = "id", column = @Column(name = "referral_id"))
public class ReferralFact extends Fact {

    @Enumerated(EnumType.STRING)
    public ReferralChannel channel;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "first_contact_due_at")
    public Instant firstContactDueAt;

    @Column(name = "contacted_at")
    public Instant contactedAt;

    @Column(name = "consultation_at")
    public Instant consultationAt;

    @Column(name = "converted_at")
    public Instant convertedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "closed_outcome")
    public ReferralStatus closedOutcome;

    @Column(name = "program_amount")
    public BigDecimal programAmount;

    @Column(name = "program_currency")
    public String programCurrency;
}
