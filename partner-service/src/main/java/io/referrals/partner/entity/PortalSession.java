package io.referrals.partner.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A partner's signed-in session, or the practice's read-only view of the portal as one partner sees it; its id is the
 * session token's {@code sid}.
 */
@Entity
@Table(name = "portal_session")
public class PortalSession extends PanacheEntityBase {
    @Id
    public UUID sid;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(name = "partner_id", nullable = false, updatable = false)
    public UUID partnerId;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    public Instant expiresAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    /** The practice's "view as this partner" session: it reads what the partner reads and changes nothing. */
    @Column(name = "read_only", nullable = false, updatable = false)
    public boolean readOnly;

    /** The practice user who opened a read-only view; none for the partner's own session. */
    @Column(name = "opened_by", updatable = false)
    public String openedBy;

    public static PortalSession start(PortalAccess access, Instant now, Instant expiresAt) {
        PortalSession session = new PortalSession();
        session.sid = UUID.randomUUID();
        session.tenantId = access.tenantId;
        session.partnerId = access.partnerId;
        session.createdAt = now;
        session.expiresAt = expiresAt;
        return session;
    }

    /** The practice's read-only view of the portal as {@code partner} sees it, opened by a practice user. */
    public static PortalSession viewAs(Partner partner, String openedBy, Instant now, Instant expiresAt) {
        PortalSession session = new PortalSession();
        session.sid = UUID.randomUUID();
        session.tenantId = partner.tenantId;
        session.partnerId = partner.id;
        session.createdAt = now;
        session.expiresAt = expiresAt;
        session.readOnly = true;
        session.openedBy = openedBy;
        return session;
    }

    public boolean openAt(Instant now) {
        return endedAt == null && now.isBefore(expiresAt);
    }
}
