package io.referrals.partner.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A partner's access to the practice's portal: one row per partner ever invited. */
@Entity
@Table(name = "portal_access")
public class PortalAccess extends PanacheEntityBase {
    @Id
    @Column(name = "partner_id")
    public UUID partnerId;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    /** The address the latest link went to. */
    @Column(nullable = false)
    public String email;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PortalAccessStatus status;

    @Column(name = "invited_at", nullable = false)
    public Instant invitedAt;

    @Column(name = "last_sign_in_at")
    public Instant lastSignInAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Version
    public long version;

    public static PortalAccess invite(Partner partner, Instant now) {
        PortalAccess access = new PortalAccess();
        access.partnerId = partner.id;
        access.tenantId = partner.tenantId;
        access.reinvite(partner.email, now);
        return access;
    }

    /** Invited again after a revocation (or for the first time): a fresh start, the last sign-in kept as history. */
    public void reinvite(String email, Instant now) {
        this.email = email;
        this.status = PortalAccessStatus.INVITED;
        this.invitedAt = now;
        this.revokedAt = null;
    }

    public boolean revoked() {
        return status == PortalAccessStatus.REVOKED;
    }
}
