package io.referrals.referral.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.referrals.events.Consent;
import io.referrals.events.ReferralChannel;
import io.referrals.events.ReferralStatus;
import io.referrals.events.WireEnum;
import io.referrals.events.campaign.CampaignAttribution;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A person introduced to the practice by a partner. */
@Entity
@Table(name = "referral")
public class Referral extends PanacheEntityBase {
    /**
     * Whether the practice stands behind the partner a referral is attributed to. A referrer matched by email on a
     * public intake link is {@code UNVERIFIED} until the practice confirms or rejects it; a fee is owed only on
     * {@code VERIFIED} (the practice's own API call, or a link it bound to the partner) and {@code CONFIRMED}.
     */
    public enum Attribution implements WireEnum {
        VERIFIED,
        UNVERIFIED,
        CONFIRMED,
        REJECTED;

        public boolean earnsFees() {
            return this == VERIFIED || this == CONFIRMED;
        }
    }

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;

    @Column(name = "referrer_name", nullable = false)
    public String referrerName;

    @Column(name = "referrer_email")
    public String referrerEmail;

    @Column(name = "referred_name", nullable = false)
    public String referredName;

    @Column(name = "referred_email")
    public String referredEmail;

    @Column(name = "referred_phone")
    public String referredPhone;

    public String note;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Consent consent;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReferralStatus status;

    @Column(name = "program_value", precision = 19, scale = 4)
    public BigDecimal programValue;

    public String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public ReferralChannel channel = ReferralChannel.API;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Attribution attribution = Attribution.VERIFIED;

    @Column(name = "received_at", nullable = false, updatable = false)
    public Instant receivedAt;

    @Column(name = "converted_at")
    public Instant convertedAt;

    /** A referral of the same practice within 30 days with the same email or phone; flagged, never dropped. */
    @Column(name = "possible_duplicate_of", updatable = false)
    public UUID possibleDuplicateOf;

    @Column(name = "first_contact_due_at", nullable = false)
    public Instant firstContactDueAt;

    /** When the referral first left received; null while nobody has been in touch. */
    @Column(name = "first_contacted_at")
    public Instant firstContactedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The campaign the referral counts for (issue 29), at most one; null when none. */
    @Column(name = "campaign_id")
    public UUID campaignId;

    @Column(name = "campaign_variant")
    public String campaignVariant;

    @Column(name = "campaign_ask_id")
    public UUID campaignAskId;

    @Enumerated(EnumType.STRING)
    @Column(name = "campaign_via")
    public CampaignAttribution campaignVia;

    /** The practice's answer to the converted referral's pleased check-in; null until answered. */
    public Boolean pleased;

    @Column(name = "pleased_answered_at")
    public Instant pleasedAnsweredAt;

    /**
     * The code the referral's booking link carries (10 characters of Crockford base32, unique in the practice), by
     * which a booking made through the link is matched back to it (issue 30).
     */
    @Column(name = "booking_code", nullable = false, updatable = false)
    public String bookingCode;

    /** The start of the consultation currently booked for it; null when none is (or it was cancelled). */
    @Column(name = "consultation_at")
    public Instant consultationAt;

    @Version
    public long version;

    /** Still received after the first-contact deadline. */
    public boolean isOverdueAt(Instant now) {
        return status == ReferralStatus.RECEIVED && firstContactDueAt != null && now.isAfter(firstContactDueAt);
    }
}
