package io.referrals.referral.service;

import static io.referrals.events.ReferralStatus.CONSULTATION_BOOKED;
import static io.referrals.events.ReferralStatus.CONTACTED;
import static io.referrals.events.ReferralStatus.CONVERTED;
import static io.referrals.events.ReferralStatus.DECLINED;
import static io.referrals.events.ReferralStatus.NOT_A_FIT;
import static io.referrals.events.ReferralStatus.NO_RESPONSE;
import static io.referrals.events.ReferralStatus.RECEIVED;

import io.referrals.events.ReferralStatus;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The inbound lifecycle: received, contacted, consultation booked, only forwards. A step may be skipped (the first
 * call can book the consultation; a person can sign up on the first call, so every open status may convert). Every
 * open status may close as not a fit, declined or no response. Converted and the closed statuses are final.
 */
public final class ReferralLifecycle {
    private static final Map<ReferralStatus, List<ReferralStatus>> NEXT = new EnumMap<>(ReferralStatus.class);

    static {
        NEXT.put(RECEIVED, List.of(CONTACTED, CONSULTATION_BOOKED, CONVERTED, NOT_A_FIT, DECLINED, NO_RESPONSE));
        NEXT.put(CONTACTED, List.of(CONSULTATION_BOOKED, CONVERTED, NOT_A_FIT, DECLINED, NO_RESPONSE));
        NEXT.put(CONSULTATION_BOOKED, List.of(CONVERTED, NOT_A_FIT, DECLINED, NO_RESPONSE));
        NEXT.put(CONVERTED, List.of());
        NEXT.put(NOT_A_FIT, List.of());
        NEXT.put(DECLINED, List.of());
        NEXT.put(NO_RESPONSE, List.of());
    }

    private ReferralLifecycle() {}

    public static List<ReferralStatus> allowedFrom(ReferralStatus status) {
        return NEXT.get(status);
    }

    public static boolean allows(ReferralStatus from, ReferralStatus to) {
        return NEXT.get(from).contains(to);
    }

    /** Not a fit, declined, no response: over without a conversion. */
    public static boolean isClosedWithoutConversion(ReferralStatus status) {
        return status == NOT_A_FIT || status == DECLINED || status == NO_RESPONSE;
    }
}
