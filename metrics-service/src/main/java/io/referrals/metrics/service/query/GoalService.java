package io.referrals.metrics.service.query;

import io.referrals.metrics.entity.BucketRepository;
import io.referrals.metrics.entity.NewClientsRepository;
import io.referrals.metrics.entity.PracticeRepository;
import io.referrals.metrics.service.Measures;
import io.referrals.metrics.service.Scope;
import io.referrals.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

/** The monthly goal and the share of new clients that came by referral. */
@ApplicationScoped
public class GoalService {
    @Inject
    ReadAnswers answers;

    @Inject
    BucketRepository buckets;

    @Inject
    PracticeRepository practices;

    @Inject
    NewClientsRepository newClients;

    @Inject
    PracticeCalendar calendar;

    @CachedRead
    public Goals goals(String tenantId, YearMonth month) {
        LocalDate today = calendar.today(tenantId);
        YearMonth asked = month != null ? month : YearMonth.from(today);
        Totals t = monthTotals(tenantId, asked);
        long received = t.count(Measures.RECEIVED);
        long converted = t.count(Measures.CONVERTED);
        Integer clients = newClients.count(tenantId, asked.toString()).orElse(null);
        return new Goals(
                asked.toString(),
                practices.find(tenantId).monthlyGoal,
                received,
                projection(asked, today, received),
                converted,
                clients,
                clients == null ? null : Totals.rate(converted, clients));
    }

    /** Received so far, extended to the whole month at the pace of its elapsed days; only for the current month. */
    private static Long projection(YearMonth month, LocalDate today, long received) {
        if (!month.equals(YearMonth.from(today))) {
            return null;
        }
        return Math.round((double) received / today.getDayOfMonth() * month.lengthOfMonth());
    }

    /** Records the month's new clients; fewer than the referrals converted that month cannot be right. */
    @Transactional
    public void recordNewClients(String tenantId, YearMonth month, int count) {
        long converted = monthTotals(tenantId, month).count(Measures.CONVERTED);
        if (count < converted) {
            throw ProblemException.unprocessable(
                    "fewer-new-clients-than-conversions",
                    "Fewer new clients than converted referrals",
                    converted + " referrals converted in " + month + "; new clients must be at least that many.");
        }
        newClients.save(tenantId, month.toString(), count);
        answers.changed(Set.of(tenantId));
    }

    private Totals monthTotals(String tenantId, YearMonth month) {
        return Totals.of(buckets.totals(
                tenantId,
                Scope.PRACTICE,
                "",
                List.of(Measures.RECEIVED, Measures.CONVERTED),
                month.atDay(1),
                month.atEndOfMonth()));
    }
}
