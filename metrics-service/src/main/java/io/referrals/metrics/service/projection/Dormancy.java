package io.referrals.metrics.service.projection;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.referrals.events.EventTypes;
import io.referrals.metrics.entity.PartnerMetrics;
import io.referrals.metrics.entity.PartnerMetricsRepository;
import io.referrals.metrics.entity.Practice;
import io.referrals.metrics.entity.PracticeRepository;
import io.referrals.metrics.mapping.DormancyEvents;
import io.referrals.metrics.service.MetricsConfig;
import io.referrals.metrics.service.RebuildTenants;
import io.referrals.metrics.service.query.ReadAnswers;
import io.referrals.platform.outbox.Outbox;
import io.referrals.platform.persistence.AdvisoryLocks;
import io.referrals.platform.persistence.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Dormant partners: an active relationship (stage reached_out to trusted, not archived) with neither a referral either
 * way nor a touchpoint for twice its check-in cadence. A scan, on one replica at a time, marks them and publishes
 * PartnerWentDormant once per episode; activity on a dormant partner ends the episode with PartnerReactivated, in the
 * transaction of the event that brought it. Partners never active have no silence to measure and never go dormant.
 */
@ApplicationScoped
public class Dormancy {
    static final int PARTNERS_PER_TRANSACTION = 200;

    @Inject
    ReadAnswers answers;

    @Inject
    AdvisoryLocks locks;

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

    /**
     * Marks the partners gone silent; returns how many. Does nothing while another replica scans. Works through them
     * {@value #PARTNERS_PER_TRANSACTION} at a time, each chunk in a transaction of its own: the consumers wait for the
     * practice lock a chunk holds, so a practice with thousands of silent partners never holds them up for long.
     */
    public int scan() {
        int marked = 0;
        PartnerMetrics.Key after = null;
        while (true) {
            PartnerMetrics.Key from = after;
            Chunk chunk = QuarkusTransaction.requiringNew().call(() -> scanChunk(from));
            if (chunk == null) {
                return marked;
            }
            marked += chunk.marked();
            if (chunk.last() == null) {
                return marked;
            }
            after = chunk.last();
        }
    }

    /** What one chunk of a scan did: how many it marked, and the last partner it looked at when more may follow. */
    private record Chunk(int marked, PartnerMetrics.Key last) {}

    /** One chunk of silent partners after {@code after}, in key order; null when another replica holds the scan. */
    private Chunk scanChunk(PartnerMetrics.Key after) {
        if (!locks.tryJob("dormancy-scan")) {
            return null;
        }
        Instant now = Timestamps.now(clock);
        List<PartnerMetrics.Key> silent =
                partners.silentSince(now, config.dormancy().defaultCadenceDays(), after, PARTNERS_PER_TRANSACTION);
        int marked = 0;
        Set<String> changed = new HashSet<>();
        Map<String, List<UUID>> byPractice = new TreeMap<>();
        silent.forEach(key ->
                byPractice.computeIfAbsent(key.tenantId, t -> new ArrayList<>()).add(key.partnerId));
        for (Map.Entry<String, List<UUID>> practiceSilent : byPractice.entrySet()) {
            String tenantId = practiceSilent.getKey();
            // Practice first, as every projection does: a rebuild's swap (exclusive) never loses a mark made here.
            Practice practice = practices.lockShared(tenantId);
            partners.lockAll(tenantId, practiceSilent.getValue());
            for (UUID partnerId : practiceSilent.getValue()) {
                PartnerMetrics partner = partners.lock(tenantId, partnerId);
                int cadence = cadenceDays(partner, practice);
                if (partner.dormantSince == null && isSilent(partner, cadence, now)) {
                    partner.dormantSince = now;
                    outbox.publish(
                            EventTypes.PARTNER_WENT_DORMANT,
                            tenantId,
                            partnerId,
                            DormancyEvents.wentDormant(partner, cadence, now));
                    marked++;
                    changed.add(tenantId);
                }
            }
        }
        answers.changed(changed);
        return new Chunk(marked, silent.size() < PARTNERS_PER_TRANSACTION ? null : silent.get(silent.size() - 1));
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
