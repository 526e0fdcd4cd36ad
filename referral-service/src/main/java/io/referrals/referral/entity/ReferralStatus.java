package io.referrals.referral.entity;

import io.referrals.events.WireEnum;
import java.util.EnumSet;
import java.util.Set;

/** Where an inbound referral stands: received, worked on, then converted or closed. */
public enum ReferralStatus implements WireEnum {
    RECEIVED,
    CONTACTED,
    CONSULTATION_BOOKED,
    CONVERTED,
    NOT_A_FIT,
    DECLINED,
    NO_RESPONSE;

    private static final Set<ReferralStatus> OPEN = EnumSet.of(RECEIVED, CONTACTED, CONSULTATION_BOOKED);

    public boolean isOpen() {
        return OPEN.contains(this);
    }
}
