package io.referrals.metrics.service;

import io.quarkus.scheduler.Scheduled;
import io.referrals.events.EventTypes;
import io.referrals.metrics.entity.PartnerMetrics;
import io.referrals.metrics.entity.PartnerMetricsRepository;
import io.referrals.metrics.entity.Practice;
import io.referrals.metrics.entity.PracticeRepository;
import io.referrals.metrics.mapping.DormancyEvents;
import io.referrals.platform.outbox.Outbox;
import io.referrals.platform.persistence.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * Dormant partners: an active relationship (stage reached_out to trusted, not archived) with neither a referral either
 * way nor a touchpoint for twice its check-in cadence. A scan, on one replica at a time, marks them and publishes
 * PartnerWentDormant once per episode; activity on a dormant partner ends the episode with PartnerReactivated, in the
 * transaction of the event that brought it. Partners never active have no silence to measure and never go dormant.
 */
@ApplicationScoped
public class Dormancy {
    @Inject
    ReadAnswers answers;

    @Inject
    PartnerMetricsRepository partners;

    @Inject
    PracticeRepository practices;

    @Inject
    Outbox outbox;

    @Inject
    MetricsConfig config;

    @Inject
    Clock clock;

    @Scheduled(
            every = "${metrics.dormancy.scan-every:60s}",
            delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledScan() {
        scan();
    }

    /** Marks the partners gone silent; returns how many. Does nothing while another replica scans. */
    @Transactional
    public int scan() {
        if (!partners.tryScanLock()) {
            return 0;
        }
        Instant now = Timestamps.now(clock);
        int marked = 0;
        Set<String> changed = new HashSet<>();
        for (PartnerMetrics.Key key :
                partners.silentSince(now, config.dormancy().defaultCadenceDays())) {
            // Practice first, as every projection does: a rebuild's swap (exclusive) never loses a mark made here.
            Practice practice = practices.lockShared(key.tenantId);
            PartnerMetrics partner = partners.lock(key.tenantId, key.partnerId);
            int cadence = cadenceDays(partner, practice);
            if (partner.dormantSince == null && isSilent(partner, cadence, now)) {
                partner.dormantSince = now;
                outbox.publish(
                        EventTypes.PARTNER_WENT_DORMANT,
                        key.tenantId,
                        key.partnerId,
                        DormancyEvents.wentDormant(partner, cadence, now));
                marked++;
                changed.add(key.tenantId);
            }
        }
        answers.changed(changed);
        return marked;
    }

    /** Records activity of a locked partner; a dormant partner that is no longer silent is reactivated. */
    public void activity(PartnerMetrics partner, Instant at) {
        partner.recordActivity(at);
        if (partner.dormantSince == null || RebuildTenants.isStaging(partner.tenantId)) {
            return;
        }
        Instant now = Timestamps.now(clock);
        if (!isSilent(partner, cadenceDays(partner, practices.find(partner.tenantId)), now)) {
            outbox.publish(
                    EventTypes.PARTNER_REACTIVATED,
                    partner.tenantId,
                    partner.partnerId,
                    DormancyEvents.reactivated(partner, now));
            partner.dormantSince = null;
        }
    }

    private int cadenceDays(PartnerMetrics partner, Practice practice) {
        if (partner.cadenceDays != null) {
            return partner.cadenceDays;
        }
        return practice.defaultCadenceDays != null
                ? practice.defaultCadenceDays
                : config.dormancy().defaultCadenceDays();
    }

    private static boolean isSilent(PartnerMetrics partner, int cadenceDays, Instant now) {
        return partner.lastActivityAt != null
                && partner.lastActivityAt.isBefore(now.minus(Duration.ofDays(2L * cadenceDays)));
    }
}
