package io.referrals.referral.mapping;

import io.referrals.events.booking.BookingChange;
import io.referrals.events.booking.ReferralBookingChanged;
import io.referrals.referral.entity.Booking;
import io.referrals.referral.entity.Referral;
import java.time.Instant;

/** Bookings as the events announce them: never the attendee's name or email. */
public final class BookingMapper {
    private BookingMapper() {}

    /** {@code referral} null while the booking is unmatched or when it was dismissed. */
    public static ReferralBookingChanged toChanged(
            Booking b, Referral referral, BookingChange change, Instant previousStartsAt, Instant at) {
        return new ReferralBookingChanged(
                b.id,
                referral == null ? null : referral.id,
                referral == null ? null : ReferralMapper.creditedPartner(referral),
                b.provider,
                change,
                b.startsAt,
                previousStartsAt,
                referral == null ? null : referral.consent,
                at);
    }
}
