package io.referrals.referral.service;

import java.time.Instant;

/**
 * One delivery of a scheduling tool, read into what it tells whatever the provider: which booking (the tool's id, and
 * for a reschedule the id it had before), when, who (attendee; personal data), and the code the booking link carried.
 * {@code deliveryKey} is the provider's own ids of the delivery (null for one that is ignored and need not be kept).
 */
public record BookingNotice(
        Kind kind,
        String deliveryKey,
        String providerBookingId,
        String previousProviderBookingId,
        Instant startsAt,
        Instant endsAt,
        String attendeeName,
        String attendeeEmail,
        String code) {

    /** What the delivery says happened. */
    public enum Kind {
        CREATED,
        RESCHEDULED,
        CANCELLED,
        NO_SHOW,
        /** Nothing to do: a trigger that does not concern bookings (a ping, a request, a meeting's end). */
        IGNORED
    }

    static BookingNotice ignored(String deliveryKey) {
        return new BookingNotice(Kind.IGNORED, deliveryKey, null, null, null, null, null, null, null);
    }
}
