package io.referrals.metrics.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.MappedSuperclass;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * A fact row: what the events about one thing (a referral, a referral given, a reward) said so far. Written only by
 * the projections, read back only to re-bucket or rebuild, never by an API read. Subclasses map {@code id} to their
 * column ({@code @AttributeOverride}) and name their table ({@code @Table}): {@link FactRepository} reads both.
 */
@MappedSuperclass
@IdClass(Fact.Key.class)
public abstract class Fact extends PanacheEntityBase {
    @Id
    @Column(name = "tenant_id")
    public String tenantId;

    @Id
    public UUID id;

    /** The partner it is from or to: known from any of its events. */
    @Column(name = "partner_id")
    public UUID partnerId;

    public static class Key implements Serializable {
        public String tenantId;
        public UUID id;

        public Key() {}

        public Key(String tenantId, UUID id) {
            this.tenantId = tenantId;
            this.id = id;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(tenantId, key.tenantId) && Objects.equals(id, key.id);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, id);
        }
    }
}
