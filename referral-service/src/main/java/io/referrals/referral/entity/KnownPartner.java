package io.referrals.referral.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.referrals.events.PartnerCategory;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** referral-service's own copy of a partner, kept from partner-service's events; never read from its tables. */
@Entity
@Table(name = "known_partner")
public class KnownPartner extends PanacheEntityBase {
    @EmbeddedId
    public Key key;

    @Column(nullable = false)
    public String name;

    public String email;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PartnerCategory category;

    /** Time of the event this copy reflects; older events arriving late do not overwrite it. */
    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    @Embeddable
    public record Key(
            @Column(name = "tenant_id") String tenantId,
            @Column(name = "partner_id") UUID partnerId) implements Serializable {}
}
