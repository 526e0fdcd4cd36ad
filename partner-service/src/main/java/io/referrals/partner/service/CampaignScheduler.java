package io.referrals.partner.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.referrals.platform.persistence.AdvisoryLocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Starts scheduled campaigns whose startsAt has come and ends running ones whose endsAt has passed, on one replica at a
 * time (a transaction-scoped advisory lock). Each campaign in a transaction of its own: one practice's large start
 * never holds up another's, and a failure leaves the others done.
 */
@ApplicationScoped
public class CampaignScheduler {
    static final String JOB = "campaign-scheduler";

    @Inject
    CampaignService service;

    @Inject
    AdvisoryLocks locks;

    @Scheduled(
            every = "${campaigns.scheduler-every:30s}",
            delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run();
    }

    /** How many campaigns one run started and ended. */
    public record Run(int started, int ended) {}

    /** Starts and ends what is due by the clock; does nothing while another replica runs. */
    public Run run() {
        int started = 0;
        while (QuarkusTransaction.requiringNew().call(() -> locks.tryJob(JOB) && service.startNextDue())) {
            started++;
        }
        int ended = 0;
        while (QuarkusTransaction.requiringNew().call(() -> locks.tryJob(JOB) && service.endNextDue())) {
            ended++;
        }
        return new Run(started, ended);
    }
}
