package io.referrals.notification.entity;

import io.referrals.events.WireEnum;

/** What the practice is asked to do; each kind is opened and closed by events. */
public enum TaskKind implements WireEnum {
    /** Contact the referred person by the referral's first-contact deadline; closed when it reaches contacted. */
    FIRST_CONTACT,
    /** Review a drafted message; closed when it is sent, dismissed or withdrawn. */
    REVIEW_DRAFT,
    /** Ask the referrer whether their person was pleased, some days after the conversion. */
    PLEASED_CHECK_IN,
    /** Check in with a partner whose cadence is due; closed by a touchpoint. */
    PARTNER_CHECK_IN,
    /** Reach out to a partner gone quiet (PartnerWentDormant); closed by PartnerReactivated. */
    DORMANT_PARTNER,
    /** Say in person what could not be emailed: the partner unsubscribed, has no address, or delivery failed. */
    PERSONAL_FOLLOW_UP,
    /** Fix a webhook endpoint that failed for days and was disabled; closed by the practice (or by enabling it). */
    WEBHOOK_DISABLED,
    /**
     * Match a booking that matched no referral (referral.booking-changed UNMATCHED; one per booking), or dismiss it;
     * closed by MATCHED or DISMISSED of that booking.
     */
    BOOKING_UNMATCHED,
    /**
     * Follow up on a booked consultation that was cancelled (one per booking, about its referral); closed when the
     * referral is booked again (booked, rescheduled or matched), converts or closes.
     */
    BOOKING_CANCELLED,
    /** Follow up on a consultation the person missed (no-show); closed as {@link #BOOKING_CANCELLED} is. */
    BOOKING_NO_SHOW
}
