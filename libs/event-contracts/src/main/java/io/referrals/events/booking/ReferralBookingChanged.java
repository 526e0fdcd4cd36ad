package io.referrals.events.booking;

import io.referrals.events.Consent;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * v1 (referral-service, {@code referral.events}, key: the referral id, else the booking id while it is unmatched or
 * when it was dismissed): a consultation booked in the practice's scheduling tool changed (issue 30). The referral's
 * own status moves through {@code referral.status-changed} as always; this event says what the booking did, for the
 * tasks it opens and closes. Never the attendee's name or email: an unmatched booking is named by its time and
 * provider only. {@code referralId}, {@code partnerId} and {@code consent} are null while unmatched and when
 * dismissed ({@code partnerId} also while the referral's attribution is unverified).
 */
public record ReferralBookingChanged(
        UUID bookingId,
        UUID referralId,
        UUID partnerId,
        BookingProvider provider,
        BookingChange change,
        Instant startsAt,
        Instant previousStartsAt,
        Consent consent,
        Instant at) {
    public ReferralBookingChanged {
        Objects.requireNonNull(bookingId, "bookingId");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(at, "at");
    }

    /** The Kafka key: the referral's id once there is one, so it is ordered with the referral's other events. */
    public String key() {
        return referralId != null ? referralId.toString() : bookingId.toString();
    }
}
