package io.referrals.partner.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One contact with a partner; the latest sets when the next check-in is due. */
@Entity
@Table(name = "touchpoint")
public class Touchpoint extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(name = "partner_id", nullable = false, updatable = false)
    public UUID partnerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TouchpointKind kind;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    public String note;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    public static Touchpoint of(
            Partner partner, TouchpointKind kind, Instant occurredAt, String note, String userId, Instant now) {
        Touchpoint touchpoint = new Touchpoint();
        touchpoint.id = UUID.randomUUID();
        touchpoint.tenantId = partner.tenantId;
        touchpoint.partnerId = partner.id;
        touchpoint.kind = kind;
        touchpoint.occurredAt = occurredAt;
        touchpoint.note = note;
        touchpoint.createdBy = userId;
        touchpoint.createdAt = now;
        return touchpoint;
    }
}
