package io.referrals.metrics.service.projection;

import io.referrals.events.ReferralStatus;
import io.referrals.metrics.entity.ReferralFact;
import io.referrals.metrics.service.Histogram;
import io.referrals.metrics.service.Measures;
import io.referrals.metrics.service.Scope;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * An inbound referral's numbers. It counts once its receipt time is known (every referral event but a status change
 * carries it): received by receipt day, booked by the day of its first booking, converted and revenue by conversion
 * day, closed (when not converted) by close day; the funnel by receipt day, as a cohort.
 */
final class ReferralContributions {
    private static final BigDecimal SECONDS_PER_DAY = BigDecimal.valueOf(86_400);
    private static final List<ReferralStatus> PATH = List.of(
            ReferralStatus.RECEIVED,
            ReferralStatus.CONTACTED,
            ReferralStatus.CONSULTATION_BOOKED,
            ReferralStatus.CONVERTED);

    private ReferralContributions() {}

    public static Contributions of(ReferralFact fact, ZoneId zone, List<Scope> partnerScopes) {
        Contributions result = new Contributions();
        if (fact.receivedAt == null) {
            return result;
        }
        List<Scope> all = new ArrayList<>(partnerScopes);
        all.add(Scope.practice());
        all.add(Scope.channel(fact.channel));
        result.count(all, Measures.RECEIVED, Contributions.day(fact.receivedAt, zone));
        booking(fact, zone, all, result);
        outcome(fact, zone, all, result);
        funnel(fact, zone, result);
        firstContact(fact, zone, result);
        return result;
    }

    /**
     * Time to booking: receipt to the earliest move to consultation_booked the fact knows, so a referral booked again
     * (say after a cancellation) counts once, and one that skipped the step counts none.
     */
    private static void booking(ReferralFact fact, ZoneId zone, List<Scope> all, Contributions result) {
        if (fact.consultationAt != null) {
            LocalDate day = Contributions.day(fact.consultationAt, zone);
            result.count(all, Measures.BOOKED, day)
                    .add(
                            all,
                            Measures.BOOK_DAYS,
                            "",
                            day,
                            days(Duration.between(fact.receivedAt, fact.consultationAt)));
        }
    }

    private static void outcome(ReferralFact fact, ZoneId zone, List<Scope> all, Contributions result) {
        if (fact.convertedAt != null) {
            LocalDate day = Contributions.day(fact.convertedAt, zone);
            Duration toConvert = Duration.between(fact.receivedAt, fact.convertedAt);
            result.count(all, Measures.CONVERTED, day)
                    .add(all, Measures.REVENUE, fact.programCurrency, day, fact.programAmount)
                    .add(all, Measures.CONVERT_DAYS, "", day, days(toConvert))
                    .count(List.of(Scope.practice()), Measures.convertBin(Histogram.bin(toConvert)), day);
        } else if (fact.closedAt != null && fact.closedOutcome != null) {
            result.count(all, Measures.closed(fact.closedOutcome), Contributions.day(fact.closedAt, zone));
        }
    }

    /** Each step reached (a later step implies the earlier ones) and the time spent in each step with a time. */
    private static void funnel(ReferralFact fact, ZoneId zone, Contributions result) {
        List<Scope> practice = List.of(Scope.practice());
        LocalDate cohort = Contributions.day(fact.receivedAt, zone);
        Map<ReferralStatus, Instant> times = pathTimes(fact);
        int furthest = -1;
        for (int i = 0; i < PATH.size(); i++) {
            furthest = times.get(PATH.get(i)) != null ? i : furthest;
        }
        for (int i = 0; i <= furthest; i++) {
            result.count(practice, Measures.reached(PATH.get(i)), cohort);
        }
        boolean closed = fact.convertedAt == null && fact.closedAt != null && fact.closedOutcome != null;
        if (closed) {
            result.count(practice, Measures.reached(fact.closedOutcome), cohort);
        }
        for (int i = 0; i < PATH.size(); i++) {
            Instant at = times.get(PATH.get(i));
            Instant next = nextTime(times, i, closed ? fact.closedAt : null);
            if (at != null && next != null && !next.isBefore(at)) {
                result.count(practice, Measures.dwell(PATH.get(i), Histogram.bin(Duration.between(at, next))), cohort);
            }
        }
    }

    private static Map<ReferralStatus, Instant> pathTimes(ReferralFact fact) {
        Map<ReferralStatus, Instant> times = new LinkedHashMap<>();
        times.put(ReferralStatus.RECEIVED, fact.receivedAt);
        times.put(ReferralStatus.CONTACTED, fact.contactedAt);
        times.put(ReferralStatus.CONSULTATION_BOOKED, fact.consultationAt);
        times.put(ReferralStatus.CONVERTED, fact.convertedAt);
        return times;
    }

    private static Instant nextTime(Map<ReferralStatus, Instant> times, int step, Instant closedAt) {
        Stream<Instant> later = PATH.subList(step + 1, PATH.size()).stream().map(times::get);
        return Stream.concat(later, Stream.of(closedAt))
                .filter(t -> t != null)
                .min(Instant::compareTo)
                .orElse(null);
    }

    /**
     * The first contact (contacted, consultation booked or converted) of a referral with a deadline; while there is
     * none and the referral is open, it awaits contact by its deadline's day.
     */
    private static void firstContact(ReferralFact fact, ZoneId zone, Contributions result) {
        Instant contact = Stream.of(fact.contactedAt, fact.consultationAt, fact.convertedAt)
                .filter(t -> t != null)
                .min(Instant::compareTo)
                .orElse(null);
        if (fact.firstContactDueAt == null) {
            return;
        }
        List<Scope> practice = List.of(Scope.practice());
        if (contact == null) {
            if (fact.closedAt == null) {
                result.count(practice, Measures.AWAITING_CONTACT, Contributions.day(fact.firstContactDueAt, zone));
            }
            return;
        }
        LocalDate day = Contributions.day(contact, zone);
        result.count(practice, Measures.FIRST_CONTACT, day);
        if (!contact.isAfter(fact.firstContactDueAt)) {
            result.count(practice, Measures.FIRST_CONTACT_ON_TIME, day);
        }
    }

    static BigDecimal days(Duration duration) {
        return BigDecimal.valueOf(duration.toSeconds()).divide(SECONDS_PER_DAY, 4, RoundingMode.HALF_UP);
    }
}
