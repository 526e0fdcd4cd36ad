package io.referrals.metrics.entity;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A referral the practice gave to a partner. */
@Entity
@Table(name = "metrics_given")
@AttributeOverride(name = "id", column = @Column(name = "given_id"))
public class GivenFact extends Fact {

    @Column(name = "given_on")
    public LocalDate givenOn;

    @Column(name = "value_amount")
    public BigDecimal valueAmount;

    @Column(name = "value_currency")
    public String valueCurrency;
}
