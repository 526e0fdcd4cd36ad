package io.referrals.referral.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.referrals.events.WireEnum;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A consultation booked in the practice's scheduling tool, matched to a referral or waiting for the practice. */
@Entity
@Table(name = "booking")
public class Booking extends PanacheEntityBase {
    /** Whether the booking belongs to a referral: matched, waiting for the practice, or dismissed by it. */
    @Schema(name = "BookingState")
    public enum State implements WireEnum {
        UNMATCHED,
        MATCHED,
        DISMISSED
    }

    /** What the scheduling tool last said of it. */
    @Schema(name = "BookingStatus")
    public enum Status implements WireEnum {
        BOOKED,
        CANCELLED,
        NO_SHOW
    }

    /** How it was matched: the code in the booking link, the attendee's email, or by the practice's hand. */
    @Schema(name = "BookingMatchedBy")
    public enum MatchedBy implements WireEnum {
        CODE,
        EMAIL,
        PRACTICE
    }

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(name = "integration_id", nullable = false, updatable = false)
    public UUID integrationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public BookingProvider provider;

    /** The tool's id of the booking as it stands (Cal.com uid, Calendly invitee URI); a reschedule moves it. */
    @Column(name = "provider_booking_id", nullable = false)
    public String providerBookingId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at")
    public Instant endsAt;

    /** Personal data: erased with the person. */
    @Column(name = "attendee_name")
    public String attendeeName;

    @Column(name = "attendee_email")
    public String attendeeEmail;

    @Column(name = "referral_id")
    public UUID referralId;

    @Enumerated(EnumType.STRING)
    @Column(name = "matched_by")
    public MatchedBy matchedBy;

    @Column(name = "received_at", nullable = false, updatable = false)
    public Instant receivedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
