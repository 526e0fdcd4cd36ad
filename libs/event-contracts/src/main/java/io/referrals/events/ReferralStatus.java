package io.referrals.events;

import java.util.EnumSet;
import java.util.Set;

/** Where an inbound referral stands: open (received, contacted, consultation booked), then converted or closed. */
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
