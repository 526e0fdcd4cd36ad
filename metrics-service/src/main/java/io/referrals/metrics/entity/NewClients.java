package io.referrals.metrics.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;

/** The practice's own count of new clients in a month (YYYY-MM), for the share that came by referral. */
@Entity
@Table(name = "metrics_new_clients")
public class NewClients extends PanacheEntityBase {
    @EmbeddedId
    public Key key;

    public int count;

    @Embeddable
    public record Key(@Column(name = "tenant_id") String tenantId, String month) implements Serializable {}
}
