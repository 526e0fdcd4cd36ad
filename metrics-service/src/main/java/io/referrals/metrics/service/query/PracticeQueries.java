package io.referrals.metrics.service.query;

import io.referrals.events.ReferralStatus;
import io.referrals.metrics.entity.BucketRepository;
import io.referrals.metrics.entity.FactRepository;
import io.referrals.metrics.entity.PartnerMetricsRepository;
import io.referrals.metrics.service.Histogram;
import io.referrals.metrics.service.Measures;
import io.referrals.metrics.service.Scope;
import io.referrals.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** Practice-wide reads: each is a handful of bucket range sums, whatever the age of the practice. */
@ApplicationScoped
public class PracticeQueries {
    private static final List<ReferralStatus> PATH = List.of(
            ReferralStatus.RECEIVED,
            ReferralStatus.CONTACTED,
            ReferralStatus.CONSULTATION_BOOKED,
            ReferralStatus.CONVERTED);

    @Inject
    BucketRepository buckets;

    @Inject
    PartnerMetricsRepository partners;

    @Inject
    FactRepository facts;

    @Inject
    PracticeCalendar calendar;

    @Inject
    Clock clock;

    @CachedRead
    public Summary summary(String tenantId, LocalDate from, LocalDate to) {
        // One reading of the practice's zone and the clock: the range's "today" and overdue's "now" agree.
        ZoneId zone = calendar.zone(tenantId);
        Instant now = clock.instant();
        DateRange range = DateRange.of(from, to, LocalDate.ofInstant(now, zone));
        List<String> measures = new ArrayList<>(List.of(
                Measures.RECEIVED,
                Measures.CONVERTED,
                Measures.REVENUE,
                Measures.CONVERT_DAYS,
                Measures.BOOKED,
                Measures.BOOK_DAYS,
                Measures.GIVEN,
                Measures.FEES_OWED,
                Measures.FEES_PAID,
                Measures.REWARDS_OWED,
                Measures.REWARDS_PAID,
                Measures.FIRST_CONTACT,
                Measures.FIRST_CONTACT_ON_TIME));
        measures.addAll(Measures.closedAll());
        measures.addAll(Measures.convertBins());
        Totals t = practiceTotals(tenantId, measures, range);
        long converted = t.count(Measures.CONVERTED);
        return new Summary(
                range.from(),
                range.to(),
                t.count(Measures.RECEIVED),
                converted,
                closed(t),
                Totals.rate(converted, t.count(Measures.RECEIVED)),
                Histogram.hoursToDays(Histogram.medianHours(t.counts(Measures.convertBins()))),
                t.average(Measures.CONVERT_DAYS, Measures.CONVERTED),
                t.average(Measures.BOOK_DAYS, Measures.BOOKED),
                t.amounts(Measures.REVENUE),
                t.amounts(Measures.FEES_OWED),
                t.amounts(Measures.FEES_PAID),
                t.amounts(Measures.REWARDS_OWED),
                t.amounts(Measures.REWARDS_PAID),
                t.count(Measures.GIVEN),
                partnerCounts(tenantId),
                firstContacts(tenantId, t, zone, now));
    }

    private static Summary.Closed closed(Totals t) {
        Map<String, Long> byReason = new LinkedHashMap<>();
        Measures.CLOSED_OUTCOMES.forEach(o -> byReason.put(o.json(), t.count(Measures.closed(o))));
        return new Summary.Closed(t.count(Measures.closedAll()), byReason);
    }

    private Summary.Partners partnerCounts(String tenantId) {
        PartnerMetricsRepository.StatusCounts counts = partners.statusCounts(tenantId);
        return new Summary.Partners(counts.active(), counts.dormant(), counts.candidates());
    }

    private Summary.FirstContacts firstContacts(String tenantId, Totals t, ZoneId zone, Instant now) {
        long made = t.count(Measures.FIRST_CONTACT);
        long onTime = t.count(Measures.FIRST_CONTACT_ON_TIME);
        return new Summary.FirstContacts(made, onTime, Totals.rate(onTime, made), overdueNow(tenantId, zone, now));
    }

    /**
     * Open referrals past their first-contact deadline without a contact: those due before today from the buckets
     * (whatever the practice's age), today's from their facts (at most a day of referrals).
     */
    private long overdueNow(String tenantId, ZoneId zone, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        long beforeToday = practiceTotals(
                        tenantId,
                        List.of(Measures.AWAITING_CONTACT),
                        new DateRange(LocalDate.EPOCH, today.minusDays(1)))
                .count(Measures.AWAITING_CONTACT);
        return beforeToday
                + facts.referralsAwaitingContactDueBetween(
                        tenantId, today.atStartOfDay(zone).toInstant(), now);
    }

    @CachedRead
    public Timeseries timeseries(String tenantId, TimeseriesQuery query) {
        DateRange range = calendar.range(tenantId, query.from(), query.to());
        Scope scope = seriesScope(query);
        Map<LocalDate, Map<String, BigDecimal>> periods = new TreeMap<>();
        for (PeriodValue row : periodRows(tenantId, scope, query, range)) {
            LocalDate start = query.interval().start(row.day());
            periods.computeIfAbsent(start, s -> new TreeMap<>()).merge(row.currency(), row.value(), BigDecimal::add);
        }
        return new Timeseries(
                query.metric(), query.interval(), range.from(), range.to(), zeroFilled(periods, query, range));
    }

    /** A value of the series at a day, or at the first day of a month, in one currency ("" for counts). */
    private record PeriodValue(LocalDate day, String currency, BigDecimal value) {}

    /**
     * The series' values: months come from the monthly roll-up (one row per month over long ranges), weeks straddle
     * months and are summed from days.
     */
    private List<PeriodValue> periodRows(String tenantId, Scope scope, TimeseriesQuery query, DateRange range) {
        String measure = query.metric().measure();
        if (query.interval() == Interval.WEEK) {
            return buckets.daily(tenantId, scope.name(), scope.key(), measure, range.from(), range.to()).stream()
                    .map(row -> new PeriodValue(row.day(), row.currency(), row.value()))
                    .toList();
        }
        return buckets.monthly(tenantId, scope.name(), scope.key(), List.of(measure), range.from(), range.to()).stream()
                .map(row -> new PeriodValue(row.month(), row.currency(), row.value()))
                .toList();
    }

    private static Scope seriesScope(TimeseriesQuery query) {
        List<Scope> narrowed = Stream.of(
                        query.partnerId() == null
                                ? null
                                : new Scope(Scope.PARTNER, query.partnerId().toString()),
                        query.category() == null
                                ? null
                                : new Scope(Scope.CATEGORY, query.category().json()),
                        query.allianceType() == null ? null : new Scope(Scope.ALLIANCE, query.allianceType()))
                .filter(s -> s != null)
                .toList();
        if (narrowed.size() > 1) {
            throw ProblemException.invalidField(
                    query.partnerId() != null ? "partnerId" : "category",
                    "combine at most one of partnerId, category and allianceType");
        }
        return narrowed.isEmpty() ? Scope.practice() : narrowed.get(0);
    }

    /** Every period of the range, each currency seen (counts: none) with 0 where nothing happened. */
    private static List<Timeseries.Point> zeroFilled(
            Map<LocalDate, Map<String, BigDecimal>> periods, TimeseriesQuery query, DateRange range) {
        List<String> currencies = periods.values().stream()
                .flatMap(m -> m.keySet().stream())
                .distinct()
                .sorted()
                .toList();
        List<String> series = currencies.isEmpty() ? List.of("") : currencies;
        int scale = query.metric().isMoney() ? 2 : 0;
        List<Timeseries.Point> points = new ArrayList<>();
        for (LocalDate start = query.interval().start(range.from());
                !start.isAfter(range.to());
                start = query.interval().next(start)) {
            Map<String, BigDecimal> values = periods.getOrDefault(start, Map.of());
            for (String currency : series) {
                BigDecimal value =
                        values.getOrDefault(currency, BigDecimal.ZERO).setScale(scale, RoundingMode.HALF_EVEN);
                points.add(new Timeseries.Point(start, currency.isEmpty() ? null : currency, value));
            }
        }
        return points;
    }

    @CachedRead
    public Breakdown breakdown(String tenantId, Dimension by, LocalDate from, LocalDate to) {
        DateRange range = calendar.range(tenantId, from, to);
        Map<String, Totals> groups = new TreeMap<>();
        for (BucketRepository.KeyTotal row : buckets.totalsByKey(
                tenantId,
                by.scope(),
                List.of(
                        Measures.RECEIVED,
                        Measures.CONVERTED,
                        Measures.REVENUE,
                        Measures.GIVEN,
                        Measures.CONVERT_DAYS,
                        Measures.BOOKED,
                        Measures.BOOK_DAYS),
                range.from(),
                range.to())) {
            groups.computeIfAbsent(row.key(), k -> new Totals()).add(row.measure(), row.currency(), row.value());
        }
        List<Breakdown.Group> rows = groups.entrySet().stream()
                .map(e -> group(e.getKey(), e.getValue()))
                .filter(g -> g.received() + g.converted() + g.given() > 0 || g.averageDaysToBook() != null)
                .sorted(Comparator.comparingLong(Breakdown.Group::received)
                        .reversed()
                        .thenComparing(Breakdown.Group::key))
                .toList();
        return new Breakdown(by, range.from(), range.to(), rows);
    }

    private static Breakdown.Group group(String key, Totals t) {
        long received = t.count(Measures.RECEIVED);
        long converted = t.count(Measures.CONVERTED);
        return new Breakdown.Group(
                key,
                received,
                converted,
                Totals.rate(converted, received),
                t.average(Measures.CONVERT_DAYS, Measures.CONVERTED),
                t.average(Measures.BOOK_DAYS, Measures.BOOKED),
                t.amounts(Measures.REVENUE),
                t.count(Measures.GIVEN));
    }

    @CachedRead
    public Funnel funnel(String tenantId, LocalDate from, LocalDate to) {
        DateRange range = calendar.range(tenantId, from, to);
        List<ReferralStatus> steps =
                Stream.concat(PATH.stream(), Measures.CLOSED_OUTCOMES.stream()).toList();
        List<String> measures =
                new ArrayList<>(steps.stream().map(Measures::reached).toList());
        PATH.forEach(step -> measures.addAll(dwellBins(step)));
        Totals t = practiceTotals(tenantId, measures, range);
        long received = t.count(Measures.reached(ReferralStatus.RECEIVED));
        List<Funnel.Step> result = new ArrayList<>();
        for (ReferralStatus step : steps) {
            int index = PATH.indexOf(step);
            long reached = t.count(Measures.reached(step));
            long previous = index > 0 ? t.count(Measures.reached(PATH.get(index - 1))) : received;
            result.add(new Funnel.Step(
                    step.json(),
                    reached,
                    index == 0 ? null : Totals.rate(reached, previous),
                    index < 0 ? null : Histogram.medianHours(t.counts(dwellBins(step)))));
        }
        return new Funnel(range.from(), range.to(), result);
    }

    private static List<String> dwellBins(ReferralStatus step) {
        return IntStream.range(0, Histogram.BINS)
                .mapToObj(bin -> Measures.dwell(step, bin))
                .toList();
    }

    private Totals practiceTotals(String tenantId, List<String> measures, DateRange range) {
        return Totals.of(buckets.totals(tenantId, Scope.PRACTICE, "", measures, range.from(), range.to()));
    }
}
