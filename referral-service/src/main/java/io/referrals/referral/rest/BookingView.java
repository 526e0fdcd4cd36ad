package io.referrals.referral.rest;

import io.referrals.events.booking.BookingProvider;
import io.referrals.referral.entity.Booking;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Booking", description = "A consultation booked in the practice's scheduling tool")
public record BookingView(
        UUID id,
        @Schema(example = "calcom") BookingProvider provider,

        @Schema(
                description = "unmatched (waits for the practice to match or dismiss it), matched (belongs to "
                        + "referralId) or dismissed",
                example = "unmatched")
        Booking.State state,

        @Schema(description = "What the scheduling tool last said: booked, cancelled or no_show", example = "booked")
        Booking.Status status,

        Instant startsAt,
        @Schema(nullable = true) Instant endsAt,
        @Schema(example = "Riley Moss", nullable = true) String attendeeName,

        @Schema(example = "riley@example.com", nullable = true)
        String attendeeEmail,

        @Schema(nullable = true) UUID referralId,

        @Schema(
                description = "code (the booking link's code), email (the attendee's email), practice (by hand); "
                        + "null until matched",
                example = "code",
                nullable = true)
        Booking.MatchedBy matchedBy,

        Instant receivedAt,
        Instant updatedAt) {

    static BookingView of(Booking b) {
        return new BookingView(
                b.id,
                b.provider,
                b.state,
                b.status,
                b.startsAt,
                b.endsAt,
                b.attendeeName,
                b.attendeeEmail,
                b.referralId,
                b.matchedBy,
                b.receivedAt,
                b.updatedAt);
    }
}
