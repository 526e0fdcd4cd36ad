package io.referrals.notification.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/**
 * A partner as partner.events describe it: where to write, how often to check in and when it last happened; and
 * whether it asked for no more email from this practice. A row may exist for an unsubscribe before any event.
 */
@Entity
@Table(name = "partner_contact")
public class PartnerContact extends PanacheEntityBase {
    @EmbeddedId
    public Key key;

    public String name;

    public String email;

    /** The partner's own cadence; null: the practice's default. */
    @Column(name = "cadence_days")
    public Integer cadenceDays;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "last_touchpoint_at")
    public Instant lastTouchpointAt;

    @Column(nullable = false)
    public boolean archived;

    @Column(nullable = false)
    public boolean ended;

    @Column(name = "unsubscribed_at")
    public Instant unsubscribedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static PartnerContact of(String tenantId, UUID partnerId, Instant now) {
        PartnerContact contact = new PartnerContact();
        contact.key = new Key(tenantId, partnerId);
        contact.updatedAt = now;
        return contact;
    }

    public UUID partnerId() {
        return key.partnerId;
    }

    public boolean unsubscribed() {
        return unsubscribedAt != null;
    }

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "tenant_id")
        public String tenantId;

        @Column(name = "partner_id")
        public UUID partnerId;

        public Key() {}

        public Key(String tenantId, UUID partnerId) {
            this.tenantId = tenantId;
            this.partnerId = partnerId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.tenantId.equals(tenantId) && k.partnerId.equals(partnerId);
        }

        @Override
        public int hashCode() {
            return tenantId.hashCode() * 31 + partnerId.hashCode();
        }
    }
}
