package io.referrals.referral.entity;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.EnumSet;
import java.util.Set;

/** Where an inbound referral stands: received, worked on, then converted or closed. */
public enum ReferralStatus {
    RECEIVED("received"),
    CONTACTED("contacted"),
    CONSULTATION_BOOKED("consultation_booked"),
    CONVERTED("converted"),
    NOT_A_FIT("not_a_fit"),
    DECLINED("declined"),
    NO_RESPONSE("no_response");

    private static final Set<ReferralStatus> OPEN = EnumSet.of(RECEIVED, CONTACTED, CONSULTATION_BOOKED);
    private final String json;

    ReferralStatus(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }

    public boolean isOpen() {
        return OPEN.contains(this);
    }
}
