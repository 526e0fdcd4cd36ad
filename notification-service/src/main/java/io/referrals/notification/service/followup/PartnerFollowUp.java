package io.referrals.notification.service.followup;

import io.quarkus.scheduler.Scheduled;
import io.referrals.events.CloudEvent;
import io.referrals.events.PartnerStage;
import io.referrals.events.metrics.PartnerReactivated;
import io.referrals.events.metrics.PartnerWentDormant;
import io.referrals.events.partner.PartnerArchived;
import io.referrals.events.partner.PartnerCreated;
import io.referrals.events.partner.PartnerStageChanged;
import io.referrals.events.partner.PartnerUpdated;
import io.referrals.events.partner.PracticeProfileUpdated;
import io.referrals.events.partner.TouchpointLogged;
import io.referrals.notification.entity.PartnerContact;
import io.referrals.notification.entity.PartnerContactRepository;
import io.referrals.notification.entity.PracticeSettings;
import io.referrals.notification.entity.PracticeSettingsRepository;
import io.referrals.notification.entity.TaskKind;
import io.referrals.notification.service.NotificationConfig;
import io.referrals.notification.service.task.TaskService;
import io.referrals.platform.persistence.AdvisoryLocks;
import io.referrals.platform.persistence.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Keeping in touch with partners. partner.events tell this service each partner's address, cadence (its own, else the
 * practice's default) and last touchpoint, so it computes when a check-in is due without asking partner-service; a
 * scan (one replica at a time) opens a check-in task when that day comes, and the next touchpoint closes it.
 * metrics.events open a task to reach out to a partner gone dormant, closed when it is reactivated.
 */
@ApplicationScoped
public class PartnerFollowUp {
    @Inject
    PartnerContactRepository partners;

    @Inject
    PracticeSettingsRepository settings;

    @Inject
    AdvisoryLocks locks;

    @Inject
    TaskService tasks;

    @Inject
    NotificationConfig config;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void onCreated(CloudEvent event, PartnerCreated data) {
        PartnerContact partner = partners.lockOrCreate(event.tenantid(), data.partnerId(), Timestamps.now(clock));
        partner.name = data.name();
        partner.email = data.email();
        partner.cadenceDays = data.checkInCadenceDays();
        partner.createdAt = Timestamps.stored(data.createdAt() != null ? data.createdAt() : event.time());
        partner.ended = data.stage() == PartnerStage.ENDED;
        partner.updatedAt = Timestamps.now(clock);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onUpdated(CloudEvent event, PartnerUpdated data) {
        PartnerContact partner = partners.lockOrCreate(event.tenantid(), data.partnerId(), Timestamps.now(clock));
        partner.name = data.name();
        partner.email = data.email();
        if (data.checkInCadenceDays() != null) {
            partner.cadenceDays = data.checkInCadenceDays();
        }
        if (partner.createdAt == null) {
            partner.createdAt = Timestamps.stored(event.time());
        }
        partner.updatedAt = Timestamps.now(clock);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onStageChanged(CloudEvent event, PartnerStageChanged data) {
        PartnerContact partner = partners.lockOrCreate(event.tenantid(), data.partnerId(), Timestamps.now(clock));
        partner.ended = data.to() == PartnerStage.ENDED;
        partner.updatedAt = Timestamps.now(clock);
        if (partner.ended) {
            tasks.closeForPartner(event.tenantid(), TaskKind.PARTNER_CHECK_IN, data.partnerId(), "relationship ended");
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onArchived(CloudEvent event, PartnerArchived data) {
        PartnerContact partner = partners.lockOrCreate(event.tenantid(), data.partnerId(), Timestamps.now(clock));
        partner.archived = data.archived();
        partner.updatedAt = Timestamps.now(clock);
        if (data.archived()) {
            tasks.closeForPartner(event.tenantid(), TaskKind.PARTNER_CHECK_IN, data.partnerId(), "partner archived");
            tasks.closeForPartner(event.tenantid(), TaskKind.DORMANT_PARTNER, data.partnerId(), "partner archived");
        }
    }

    /** A touchpoint moves the next check-in on and closes the check-in task that was open. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onTouchpoint(CloudEvent event, TouchpointLogged data) {
        PartnerContact partner = partners.lockOrCreate(event.tenantid(), data.partnerId(), Timestamps.now(clock));
        Instant occurred = Timestamps.stored(data.occurredAt());
        if (partner.lastTouchpointAt == null || occurred.isAfter(partner.lastTouchpointAt)) {
            partner.lastTouchpointAt = occurred;
        }
        partner.updatedAt = Timestamps.now(clock);
        tasks.closeForPartner(
                event.tenantid(), TaskKind.PARTNER_CHECK_IN, data.partnerId(), "touchpoint " + data.kind());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onPracticeProfile(CloudEvent event, PracticeProfileUpdated data) {
        PracticeSettings practice = settings.lockOrCreate(event.tenantid(), Timestamps.now(clock));
        practice.defaultCadenceDays = data.defaultCheckInCadenceDays();
        practice.timeZone = data.timeZone();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onWentDormant(CloudEvent event, PartnerWentDormant data) {
        String name = partners.find(event.tenantid(), data.partnerId())
                .map(p -> p.name)
                .filter(n -> n != null)
                .orElse("a partner");
        tasks.open(
                event.tenantid(),
                new TaskService.Opening(
                        TaskKind.DORMANT_PARTNER,
                        data.partnerId() + ":" + data.detectedAt().truncatedTo(ChronoUnit.MICROS),
                        data.partnerId(),
                        null,
                        null,
                        "Reach out to " + name + ": no referral or touchpoint for " + data.silentDays() + " days",
                        data.detectedAt()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onReactivated(CloudEvent event, PartnerReactivated data) {
        tasks.closeForPartner(event.tenantid(), TaskKind.DORMANT_PARTNER, data.partnerId(), "partner reactivated");
    }

    @Scheduled(
            every = "${notifications.tasks.scan-every:60s}",
            delayed = "15s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledScan() {
        scanCheckIns();
    }

    /** Opens a check-in task for every partner whose check-in is due; returns how many it opened. */
    @Transactional
    public int scanCheckIns() {
        if (!locks.tryJob("check-ins")) {
            return 0;
        }
        Instant now = Timestamps.now(clock);
        int opened = 0;
        for (PartnerContactRepository.DueCheckIn partner :
                partners.dueForCheckIn(now, config.tasks().defaultCadenceDays(), 1000)) {
            PracticeSettings practice = settings.of(partner.tenantId(), now);
            int cadence = practice.defaultCadenceDays != null
                    ? practice.defaultCadenceDays
                    : config.tasks().defaultCadenceDays();
            Instant due = partner.checkInDue(cadence);
            if (tasks.open(
                    partner.tenantId(),
                    new TaskService.Opening(
                            TaskKind.PARTNER_CHECK_IN,
                            partner.partnerId() + ":" + due,
                            partner.partnerId(),
                            null,
                            null,
                            "Check in with " + partner.name(),
                            due))) {
                opened++;
            }
        }
        return opened;
    }
}
