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

    /** The practice has taken the partner's portal access away; every portal request of the partner is refused. */
    @Column(name = "portal_access_revoked", nullable = false)
    public boolean portalAccessRevoked;

    /** The latest revocation: a portal session issued before it is refused, even once access is granted again. */
    @Column(name = "portal_sessions_valid_from")
    public Instant portalSessionsValidFrom;

    /** Time of the access change this copy reflects; an older one arriving late does not overwrite it. */
    @Column(name = "portal_access_changed_at")
    public Instant portalAccessChangedAt;

    /** Whether a portal session of this partner issued at {@code issuedAt} may still be used. */
    public boolean admitsPortalSessionIssuedAt(Instant issuedAt) {
        return !portalAccessRevoked && (portalSessionsValidFrom == null || !issuedAt.isBefore(portalSessionsValidFrom));
    }

    @Embeddable
    public record Key(
            @Column(name = "tenant_id") String tenantId,
            @Column(name = "partner_id") UUID partnerId) implements Serializable {}
}
