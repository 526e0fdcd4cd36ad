package io.referrals.notification.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.referrals.platform.portal.PortalAccess;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A partner as partner.events describe it: where to write, how often to check in and when it last happened, whether
 * the practice has taken their portal access away; and whether they asked for no more email from this practice, or
 * for fewer kinds of it (their portal email preferences). A row may exist for an unsubscribe before any event.
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

    /** The practice has taken the partner's portal access away; every portal request of the partner is refused. */
    @Column(name = "portal_access_revoked", nullable = false)
    public boolean portalAccessRevoked;

    /** The latest revocation: a portal session issued before it is refused, even once access is granted again. */
    @Column(name = "portal_sessions_valid_from")
    public Instant portalSessionsValidFrom;

    /** Time of the access change this copy reflects; an older one arriving late does not overwrite it. */
    @Column(name = "portal_access_changed_at")
    public Instant portalAccessChangedAt;

    /** Email preferences (portal): each kind is wanted until the partner turns it off. */
    @Column(name = "wants_thank_yous", nullable = false)
    public boolean wantsThankYous = true;

    @Column(name = "wants_referral_updates", nullable = false)
    public boolean wantsReferralUpdates = true;

    @Column(name = "wants_check_ins", nullable = false)
    public boolean wantsCheckIns = true;

    @Column(name = "wants_news", nullable = false)
    public boolean wantsNews = true;

    @Column(name = "email_preferences_changed_at")
    public Instant emailPreferencesChangedAt;

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

    public PortalAccess portalAccess() {
        return new PortalAccess(portalAccessRevoked, portalSessionsValidFrom, portalAccessChangedAt);
    }

    public void portalAccess(PortalAccess access) {
        portalAccessRevoked = access.revoked();
        portalSessionsValidFrom = access.sessionsValidFrom();
        portalAccessChangedAt = access.changedAt();
    }

    /** Whether the partner wants email of this topic: not unsubscribed, and not turned off in the portal. */
    public boolean wants(EmailTopic topic) {
        if (unsubscribed()) {
            return false;
        }
        return switch (topic) {
            case THANK_YOUS -> wantsThankYous;
            case REFERRAL_UPDATES -> wantsReferralUpdates;
            case CHECK_INS -> wantsCheckIns;
            case NEWS -> wantsNews;
        };
    }

    /**
     * Why a message of this kind is not to be emailed to the partner (stored as the suppressed message's reason, and
     * shown to the practice), or empty when it may be: they unsubscribed from all of the practice's email, or turned
     * this kind off in the portal.
     */
    public Optional<String> emailRefusal(NotificationKind kind) {
        if (unsubscribed()) {
            return Optional.of("The partner unsubscribed from email");
        }
        EmailTopic topic = kind.topic();
        if (topic != null && !wants(topic)) {
            return Optional.of("The partner turned off " + topic.label() + " in their portal email preferences");
        }
        return Optional.empty();
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
