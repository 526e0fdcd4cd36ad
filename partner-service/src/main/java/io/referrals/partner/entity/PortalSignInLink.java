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

/** A one-use sign-in link, known only by the SHA-256 of its token: the token itself is never stored. */
@Entity
@Table(name = "portal_sign_in_link")
public class PortalSignInLink extends PanacheEntityBase {
    @Id
    @Column(name = "token_hash")
    public String tokenHash;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(name = "partner_id", nullable = false, updatable = false)
    public UUID partnerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public PortalLinkPurpose purpose;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    public Instant expiresAt;

    @Column(name = "used_at")
    public Instant usedAt;

    public static PortalSignInLink of(
            String tokenHash, PortalAccess access, PortalLinkPurpose purpose, Instant now, Instant expiresAt) {
        PortalSignInLink link = new PortalSignInLink();
        link.tokenHash = tokenHash;
        link.tenantId = access.tenantId;
        link.partnerId = access.partnerId;
        link.purpose = purpose;
        link.createdAt = now;
        link.expiresAt = expiresAt;
        return link;
    }

    /** Unused and not yet expired at {@code now}. */
    public boolean usableAt(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }
}
