package io.referrals.notification.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** A practice's own Qute template for one kind of message: a subject line and a plain-text body. */
@Entity
@Table(name = "message_template")
public class MessageTemplate extends PanacheEntityBase {
    @EmbeddedId
    public Key key;

    @Column(nullable = false)
    public String subject;

    @Column(nullable = false)
    public String body;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "tenant_id")
        public String tenantId;

        @Column(name = "kind")
        public String kind;

        public Key() {}

        public Key(String tenantId, NotificationKind kind) {
            this.tenantId = tenantId;
            this.kind = kind.name();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.tenantId.equals(tenantId) && k.kind.equals(kind);
        }

        @Override
        public int hashCode() {
            return tenantId.hashCode() * 31 + kind.hashCode();
        }
    }
}
