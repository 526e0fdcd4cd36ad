package io.referrals.partner.entity;

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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Written terms with a partner: what each side gives and what the partner gets for a referral that converts. At
 * most one agreement of a partner is active; the others are its history.
 */
@Entity
@Table(name = "agreement")
public class Agreement extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(name = "partner_id", nullable = false, updatable = false)
    public UUID partnerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AgreementKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AgreementDirection direction;

    /** What the practice gives the partner, in the practice's words. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "practice_gives", columnDefinition = "text[]")
    public List<String> practiceGives = new ArrayList<>();

    /** What the partner gives the practice. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "partner_gives", columnDefinition = "text[]")
    public List<String> partnerGives = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(name = "compensation_type", nullable = false)
    public CompensationType compensationType;

    /** For the percentage kinds of compensation: 0 to 100, two decimals. */
    @Column(name = "compensation_percent", precision = 5, scale = 2)
    public BigDecimal compensationPercent;

    /** For a flat fee: the amount per converted referral, four decimals. */
    @Column(name = "flat_fee_amount", precision = 19, scale = 4)
    public BigDecimal flatFeeAmount;

    /** ISO 4217 code of the flat fee. */
    @Column(name = "flat_fee_currency", length = 3)
    public String flatFeeCurrency;

    @Column(name = "effective_from", nullable = false)
    public LocalDate effectiveFrom;

    @Column(name = "effective_to")
    public LocalDate effectiveTo;

    @Column(name = "signed_on")
    public LocalDate signedOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "signed_via")
    public SignedVia signedVia;

    @Column(name = "fee_disclosed_to_clients", nullable = false)
    public boolean feeDisclosedToClients;

    /** The practice confirmed that the partner's licensing board allows the compensation. */
    @Column(name = "compliance_acknowledged", nullable = false)
    public boolean complianceAcknowledged;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AgreementStatus status;

    @Column(name = "superseded_by")
    public UUID supersededBy;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "end_reason")
    public String endReason;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "created_by", updatable = false)
    public String createdBy;

    public boolean isActive() {
        return status == AgreementStatus.ACTIVE;
    }
}
