package io.referrals.metrics.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.UUID;

/** A money total of one partner (revenue, given_value, fees_owed ...) in one currency. */
@Entity
@Table(name = "partner_amount")
public class PartnerAmount extends PanacheEntityBase {
    @EmbeddedId
    public Key key;

    public BigDecimal amount;

    @Embeddable
    public record Key(
            @Column(name = "tenant_id") String tenantId,
            @Column(name = "partner_id") UUID partnerId,
            String measure,
            String currency)
            implements Serializable {}
}
