package io.referrals.referral.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.referrals.events.PartnerCategory;
import io.referrals.platform.portal.PortalAccess;
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

    /** The practice has taken the partner's portal access away; every portal request of the partner is refused. */
    @Column(name = "portal_access_revoked", nullable = false)
    public boolean portalAccessRevoked;

    /** The latest revocation: a portal session issued before it is refused, even once access is granted again. */
    @Column(name = "portal_sessions_valid_from")
    public Instant portalSessionsValidFrom;

    /** Time of the access change this copy reflects; an older one arriving late does not overwrite it. */
    @Column(name = "portal_access_changed_at")
    public Instant portalAccessChangedAt;

    /** The partner's portal access as this copy keeps it; its {@code admits} decides whether a session may be used. */
    public PortalAccess portalAccess() {
        return new PortalAccess(portalAccessRevoked, portalSessionsValidFrom, portalAccessChangedAt);
    }

    public void portalAccess(PortalAccess access) {
        portalAccessRevoked = access.revoked();
        portalSessionsValidFrom = access.sessionsValidFrom();
        portalAccessChangedAt = access.changedAt();
    }

    @Embeddable
    public record Key(
            @Column(name = "tenant_id") String tenantId,
            @Column(name = "partner_id") UUID partnerId) implements Serializable {}
}
