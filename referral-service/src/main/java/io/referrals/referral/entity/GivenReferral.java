package io.referrals.referral.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A person the practice referred to a partner. */
@Entity
@Table(name = "given_referral")
public class GivenReferral extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;

    @Column(name = "person_name", nullable = false)
    public String personName;

    @Column(name = "person_email")
    public String personEmail;

    @Column(name = "person_phone")
    public String personPhone;

    @Column(nullable = false)
    public String need;

    public String note;

    @Column(name = "given_on", nullable = false)
    public LocalDate givenOn;

    /** What the practice thinks this referral is worth to the partner; null when it did not say. */
    @Column(name = "estimated_value", precision = 19, scale = 4)
    public BigDecimal estimatedValue;

    @Column(name = "estimated_currency")
    public String estimatedCurrency;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;
}
