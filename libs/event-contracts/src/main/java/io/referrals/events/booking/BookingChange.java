package io.referrals.events.booking;

import io.referrals.events.WireEnum;

/** What happened to a booked consultation, as the provider told it or the practice decided. */
public enum BookingChange implements WireEnum {
    /** A consultation was booked and matched to a referral (by its code or the attendee's email). */
    BOOKED,
    /** The booked consultation moved: {@code startsAt} is the new time, {@code previousStartsAt} the old one. */
    RESCHEDULED,
    /** The attendee or the practice cancelled it in the scheduling tool; the referral's status stays. */
    CANCELLED,
    /** The scheduling tool marked the attendee as a no-show. */
    NO_SHOW,
    /** A booking matched no referral: it waits for the practice (never a referral invented from it). */
    UNMATCHED,
    /** The practice matched a waiting booking to a referral by hand: from here on it counts as booked. */
    MATCHED,
    /** The practice dismissed a waiting booking: it belongs to no referral. */
    DISMISSED
}
