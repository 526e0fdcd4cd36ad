package io.referrals.notification.service.mail;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.referrals.notification.entity.Notification;
import io.referrals.notification.entity.NotificationKind;
import io.referrals.notification.entity.NotificationRepository;
import io.referrals.notification.entity.NotificationStatus;
import io.referrals.notification.entity.PracticeSettings;
import io.referrals.notification.entity.PracticeSettingsRepository;
import io.referrals.notification.entity.Task;
import io.referrals.notification.entity.TaskRepository;
import io.referrals.notification.service.NotificationConfig;
import io.referrals.platform.persistence.AdvisoryLocks;
import io.referrals.platform.persistence.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * The opt-in daily digest: once a day, from the configured hour of the practice's own day, an email to the practice
 * listing its open tasks due by the end of that day, overdue ones first. Nothing is sent on a day with no such task.
 */
@ApplicationScoped
public class Digests {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM");

    @Inject
    PracticeSettingsRepository settings;

    @Inject
    TaskRepository tasks;

    @Inject
    NotificationRepository notifications;

    @Inject
    AdvisoryLocks locks;

    @Inject
    NotificationConfig config;

    @Inject
    Clock clock;

    @Scheduled(
            every = "${notifications.digest.every:15m}",
            delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledDigests() {
        run();
    }

    /** Queues the digest of every practice due one; returns how many it queued. */
    public int run() {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!locks.tryJob("digest")) {
                return 0;
            }
            int queued = 0;
            Instant now = Timestamps.now(clock);
            for (PracticeSettings practice : settings.withDigest()) {
                ZonedDateTime local = now.atZone(zoneOf(practice));
                LocalDate today = local.toLocalDate();
                if (local.getHour() < config.digest().hour()
                        || (practice.lastDigestOn != null && !practice.lastDigestOn.isBefore(today))) {
                    continue;
                }
                practice.lastDigestOn = today;
                Instant endOfDay =
                        today.plusDays(1).atStartOfDay(zoneOf(practice)).toInstant();
                List<Task> due = tasks.openDueBefore(practice.tenantId, endOfDay, 100);
                if (!due.isEmpty()) {
                    Notification digest = digest(practice, due, local, now);
                    notifications.persist(digest);
                    notifications.senderAfterCommit(digest);
                    queued++;
                }
            }
            return queued;
        });
    }

    private Notification digest(PracticeSettings practice, List<Task> due, ZonedDateTime local, Instant now) {
        StringBuilder body = new StringBuilder("Good morning,\n\nWhat is due today, ")
                .append(DAY.format(local))
                .append(":\n\n");
        for (Task task : due) {
            body.append("- ")
                    .append(task.overdue(now) ? "OVERDUE " : "")
                    .append(task.title)
                    .append(" (due ")
                    .append(task.dueAt.atZone(local.getZone()).toLocalDate())
                    .append(")\n");
        }
        body.append("\nTurn this email off in the notification settings.");
        Notification message = new Notification();
        message.id = UUID.randomUUID();
        message.tenantId = practice.tenantId;
        message.kind = NotificationKind.DAILY_DIGEST;
        message.partnerId = null; // to the practice itself, not to a partner
        message.recipientName = practice.practiceName != null ? practice.practiceName : "The practice";
        message.recipientEmail = practice.digestEmail;
        message.subject = due.size() + (due.size() == 1 ? " task" : " tasks") + " due today";
        message.body = body.toString();
        message.htmlBody = Templates.html(message.body, List.of());
        message.messageId = "<" + message.id + "@" + config.mail().messageIdDomain() + ">";
        message.status = NotificationStatus.QUEUED;
        message.createdAt = now;
        message.queue(now);
        return message;
    }

    private static ZoneId zoneOf(PracticeSettings practice) {
        try {
            return ZoneId.of(practice.timeZone);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
