package io.referrals.metrics.service;

import io.referrals.events.ReferralStatus;
import java.util.List;
import java.util.stream.IntStream;

/** The names of what buckets count or sum. Money measures carry a currency; counts carry "". */
public final class Measures {
    public static final String RECEIVED = "received";
    public static final String CONVERTED = "converted";
    public static final String REVENUE = "revenue";
    /** Sum of days from receipt to conversion, by conversion day: the exact mean. */
    public static final String CONVERT_DAYS = "convert_days";
    /**
     * Referrals booked, by the day of their first move to consultation_booked (once per referral, however often it
     * was booked), and the sum of their days from receipt to that move: the exact mean time to booking.
     */
    public static final String BOOKED = "booked";

    public static final String BOOK_DAYS = "book_days";

    public static final String GIVEN = "given";
    public static final String GIVEN_VALUE = "given_value";
    public static final String FEES_OWED = "fees_owed";
    public static final String FEES_PAID = "fees_paid";
    public static final String REWARDS_OWED = "rewards_owed";
    public static final String REWARDS_PAID = "rewards_paid";
    /** First contacts made, of referrals with a deadline, by the day of the contact. */
    public static final String FIRST_CONTACT = "first_contact";

    public static final String FIRST_CONTACT_ON_TIME = "first_contact_on_time";
    /**
     * Open referrals with a deadline still waiting for their first contact, by the day of the deadline: the summary's
     * "overdue now" sums the days before today instead of counting every such referral of the practice's history.
     */
    public static final String AWAITING_CONTACT = "awaiting_contact";

    public static final List<ReferralStatus> CLOSED_OUTCOMES =
            List.of(ReferralStatus.NOT_A_FIT, ReferralStatus.DECLINED, ReferralStatus.NO_RESPONSE);

    private Measures() {}

    public static String closed(ReferralStatus outcome) {
        return "closed:" + outcome.json();
    }

    public static List<String> closedAll() {
        return CLOSED_OUTCOMES.stream().map(Measures::closed).toList();
    }

    /** Conversions whose time to convert falls in one histogram bin. */
    public static String convertBin(int bin) {
        return "convert_bin:" + bin;
    }

    public static List<String> convertBins() {
        return IntStream.range(0, Histogram.BINS).mapToObj(Measures::convertBin).toList();
    }

    /** Referrals that reached a funnel step, by the day they were received (a cohort). */
    public static String reached(ReferralStatus step) {
        return "reached:" + step.json();
    }

    /** Referrals that stayed in a step for a time in one histogram bin, by the day they were received. */
    public static String dwell(ReferralStatus step, int bin) {
        return "dwell:" + step.json() + ":" + bin;
    }

    public static boolean isMoney(String measure) {
        return List.of(REVENUE, GIVEN_VALUE, FEES_OWED, FEES_PAID, REWARDS_OWED, REWARDS_PAID)
                .contains(measure);
    }
}
