package io.referrals.referral.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.referrals.events.RewardType;
import io.referrals.events.WireEnum;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A reward a converted referral earned: owed, then paid (or given) or waived. */
@Entity
@Table(name = "reward")
public class Reward extends PanacheEntityBase {
    public enum Status implements WireEnum {
        OWED,
        PAID,
        WAIVED
    }

    /** Who receives it: the referring partner (a fee, or a referring client's reward) or the referred client. */
    public enum Beneficiary implements WireEnum {
        PARTNER,
        REFERRED_CLIENT
    }

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "referral_id", nullable = false)
    public UUID referralId;

    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RewardType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Beneficiary beneficiary;

    /** The agreement a fee was computed under; null for rewards recorded by hand. */
    @Column(name = "agreement_id")
    public UUID agreementId;

    public BigDecimal percent;

    public BigDecimal amount;

    public String currency;

    public String description;

    /** The campaign whose incentive this is (issue 29); null for fees and rewards recorded by hand. */
    @Column(name = "campaign_id", updatable = false)
    public UUID campaignId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "earned_at", nullable = false)
    public Instant earnedAt;

    @Column(name = "paid_at")
    public Instant paidAt;

    @Column(name = "payment_reference")
    public String paymentReference;

    @Column(name = "waived_at")
    public Instant waivedAt;

    @Column(name = "waiver_reason")
    public String waiverReason;

    @Version
    public long version;
}
