package io.referrals.referral.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.referrals.events.booking.BookingProvider;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A practice's scheduling tool (Cal.com or Calendly) posting its bookings to a secret receiving URL (issue 30). */
@Entity
@Table(name = "booking_integration")
public class BookingIntegration extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public BookingProvider provider;

    /** The practice's booking page; booking links are this URL with the referral's code attached. */
    @Column(name = "booking_page_url", nullable = false)
    public String bookingPageUrl;

    /** SHA-256 (hex) of the receiving URL's token; the token itself is shown once and never stored. */
    @Column(name = "token_hash", nullable = false)
    public String tokenHash;

    /** The token's first characters ({@code bk_} and four more), to recognise the URL in a list. */
    @Column(name = "token_hint", nullable = false)
    public String tokenHint;

    /** The provider's signing secret, encrypted ({@code IntakeSecretCipher}); never shown again. */
    @Column(name = "signing_secret", nullable = false)
    public String signingSecret;

    @Column(name = "connected_at", nullable = false, updatable = false)
    public Instant connectedAt;

    @Column(name = "rotated_at")
    public Instant rotatedAt;

    /** Removed: its receiving URL answers 404; its bookings stay. */
    @Column(name = "removed_at")
    public Instant removedAt;

    /** Counted by SQL increments (concurrent deliveries), read here. */
    @Column(name = "last_delivery_at", insertable = false, updatable = false)
    public Instant lastDeliveryAt;

    @Column(insertable = false, updatable = false)
    public long deliveries;

    @Column(insertable = false, updatable = false)
    public long refused;

    @Version
    public long version;

    public boolean isRemoved() {
        return removedAt != null;
    }
}
