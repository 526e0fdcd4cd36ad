package io.referrals.referral.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.referrals.events.CompensationType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The compensation terms of one agreement and the time it was in force, as partner-service announced them. */
@Entity
@Table(name = "agreement_terms")
public class AgreementTerms extends PanacheEntityBase {
    @Id
    @Column(name = "agreement_id")
    public UUID agreementId;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;

    @Enumerated(EnumType.STRING)
    @Column(name = "compensation_type", nullable = false)
    public CompensationType compensationType;

    public BigDecimal percent;

    @Column(name = "flat_fee_amount")
    public BigDecimal flatFeeAmount;

    @Column(name = "flat_fee_currency")
    public String flatFeeCurrency;

    @Column(name = "effective_from", nullable = false)
    public LocalDate effectiveFrom;

    @Column(name = "effective_to")
    public LocalDate effectiveTo;

    /**
     * Whether the practice tells the clients a partner refers that the partner is paid for it; null for terms copied
     * before referral-service kept it.
     */
    @Column(name = "fee_disclosed_to_clients")
    public Boolean feeDisclosedToClients;

    @Column(name = "activated_at", nullable = false)
    public Instant activatedAt;

    @Column(name = "ended_at")
    public Instant endedAt;
}
