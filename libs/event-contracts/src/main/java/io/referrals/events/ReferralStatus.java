package io.referrals.events;

/** Where an inbound referral stands, as events carry it: open (received, contacted, consultation booked) or closed. */
public enum ReferralStatus implements WireEnum {
    RECEIVED,
    CONTACTED,
    CONSULTATION_BOOKED,
    CONVERTED,
    NOT_A_FIT,
    DECLINED,
    NO_RESPONSE
}
