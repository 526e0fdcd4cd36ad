package io.referrals.metrics.service.query;

import io.referrals.events.PartnerCategory;
import io.referrals.events.PartnerStage;
import io.referrals.metrics.entity.BucketRepository;
import io.referrals.metrics.entity.PartnerAmount;
import io.referrals.metrics.entity.PartnerAmountRepository;
import io.referrals.metrics.entity.PartnerMetrics;
import io.referrals.metrics.entity.PartnerMetricsRepository;
import io.referrals.metrics.service.Measures;
import io.referrals.metrics.service.Scope;
import io.referrals.platform.page.Page;
import io.referrals.platform.page.Paging;
import io.referrals.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/** Per-partner reads: one partner, the leaderboard, the reciprocity ledger and the dormant list. */
@ApplicationScoped
public class PartnerQueries {
    private static final int SERIES_MONTHS = 12;

    @Inject
    PartnerMetricsRepository partners;

    @Inject
    PartnerAmountRepository amounts;

    @Inject
    BucketRepository buckets;

    @Inject
    PracticeCalendar calendar;

    @Inject
    Clock clock;

    /** A partner this practice has never mentioned in an event is not found, whoever else may know it. */
    @CachedRead
    public PartnerNumbers partner(String tenantId, UUID partnerId) {
        PartnerMetrics partner = partners.findInTenant(tenantId, partnerId)
                .orElseThrow(() -> ProblemException.notFound("Partner", partnerId));
        return new PartnerNumbers(
                partner, amounts.forPartners(tenantId, List.of(partnerId)), months(tenantId, partnerId));
    }

    private List<MonthNumbers> months(String tenantId, UUID partnerId) {
        LocalDate today = calendar.today(tenantId);
        YearMonth first = YearMonth.from(today).minusMonths(SERIES_MONTHS - 1);
        Map<YearMonth, Totals> byMonth = new TreeMap<>();
        for (int i = 0; i < SERIES_MONTHS; i++) {
            byMonth.put(first.plusMonths(i), new Totals());
        }
        for (BucketRepository.MonthTotal row : buckets.monthly(
                tenantId,
                Scope.PARTNER,
                partnerId.toString(),
                List.of(Measures.RECEIVED, Measures.CONVERTED, Measures.GIVEN, Measures.REVENUE),
                first.atDay(1),
                today)) {
            byMonth.get(YearMonth.from(row.month())).add(row.measure(), row.currency(), row.value());
        }
        List<MonthNumbers> months = new ArrayList<>();
        byMonth.forEach((month, t) -> months.add(new MonthNumbers(
                month.toString(),
                t.count(Measures.RECEIVED),
                t.count(Measures.CONVERTED),
                t.count(Measures.GIVEN),
                t.amounts(Measures.REVENUE))));
        return months;
    }

    @CachedRead
    public Page<PartnerNumbers> leaderboard(
            String tenantId,
            PartnerCategory category,
            String allianceType,
            PartnerStage stage,
            PartnerSort sort,
            Boolean ascending,
            Paging paging) {
        return withAmounts(
                tenantId, partners.list(tenantId, category, allianceType, stage, sort.sort(ascending), paging));
    }

    @CachedRead
    public Reciprocity reciprocity(String tenantId, PartnerSort sort, Boolean ascending, Paging paging) {
        Page<Reciprocity.Row> rows = withAmounts(tenantId, partners.exchanging(tenantId, sort.sort(ascending), paging))
                .map(Reciprocity.Row::of);
        PartnerMetricsRepository.ExchangeTotals totals = partners.exchangeTotals(tenantId);
        Map<String, List<Amount>> money = practiceAmounts(tenantId);
        return new Reciprocity(
                new Reciprocity.PracticeTotals(
                        totals.received(),
                        totals.given(),
                        totals.received() - totals.given(),
                        money.getOrDefault(Measures.REVENUE, List.of()),
                        money.getOrDefault(Measures.GIVEN_VALUE, List.of())),
                rows);
    }

    /** Partners in a dormancy episode, longest silence first. */
    @CachedRead
    public Page<DormantPartner> dormant(String tenantId, Paging paging) {
        Instant now = clock.instant();
        return partners.dormant(tenantId, paging).map(p -> DormantPartner.of(p, now));
    }

    private Page<PartnerNumbers> withAmounts(String tenantId, Page<PartnerMetrics> page) {
        Map<UUID, List<PartnerAmount>> byPartner =
                amounts
                        .forPartners(
                                tenantId,
                                page.items().stream().map(p -> p.partnerId).toList())
                        .stream()
                        .collect(Collectors.groupingBy(a -> a.key.partnerId()));
        return page.map(p -> new PartnerNumbers(p, byPartner.getOrDefault(p.partnerId, List.of()), null));
    }

    private Map<String, List<Amount>> practiceAmounts(String tenantId) {
        return amounts.totals(tenantId).stream()
                .filter(row -> row.amount().signum() != 0)
                .collect(Collectors.groupingBy(
                        PartnerAmountRepository.Total::measure,
                        TreeMap::new,
                        Collectors.mapping(row -> Amount.of(row.amount(), row.currency()), Collectors.toList())));
    }
}
