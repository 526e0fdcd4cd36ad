package io.referrals.notification.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.referrals.events.Consent;
import io.referrals.events.ReferralStatus;
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

/**
 * A referral as referral.events told this service: who referred, the referred person's first name, the latest
 * consent and status. Never the person's contact details.
 */
@Entity
@Table(name = "referral_state")
public class ReferralState extends PanacheEntityBase {
    @EmbeddedId
    public Key key;

    /** Null while the referral's attribution is unverified (or after it was rejected): nobody to thank or tell. */
    @Column(name = "partner_id")
    public UUID partnerId;

    @Column(name = "referrer_name", nullable = false)
    public String referrerName;

    @Column(name = "referrer_email")
    public String referrerEmail;

    @Column(name = "referred_first_name", nullable = false)
    public String referredFirstName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Consent consent;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReferralStatus status;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /**
     * The practice's booking page with this referral's code (ReferralReceived.bookingLink), null without a booking
     * integration: a booking made through it comes back matched to the referral.
     */
    @Column(name = "booking_link")
    public String bookingLink;

    @Column(name = "converted_at")
    public Instant convertedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public String tenantId() {
        return key.tenantId;
    }

    public UUID referralId() {
        return key.referralId;
    }

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "tenant_id")
        public String tenantId;

        @Column(name = "referral_id")
        public UUID referralId;

        public Key() {}

        public Key(String tenantId, UUID referralId) {
            this.tenantId = tenantId;
            this.referralId = referralId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.tenantId.equals(tenantId) && k.referralId.equals(referralId);
        }

        @Override
        public int hashCode() {
            return tenantId.hashCode() * 31 + referralId.hashCode();
        }
    }
}
