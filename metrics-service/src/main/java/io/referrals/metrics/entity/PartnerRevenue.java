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

/** Program value attributed to one partner in one currency. */
@Entity
@Table(name = "partner_revenue")
public class PartnerRevenue extends PanacheEntityBase {
    @EmbeddedId
    public Key key;

    public BigDecimal amount;

    @Embeddable
    public record Key(@Column(name = "tenant_id") String tenantId, @Column(name = "partner_id") UUID partnerId,
            String currency) implements Serializable {
    }
}
