package io.referrals.notification.service.mail;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.referrals.events.EventTypes;
import io.referrals.events.campaign.CampaignAskSent;
import io.referrals.events.notification.NotificationSent;
import io.referrals.notification.entity.Notification;
import io.referrals.notification.entity.NotificationKind;
import io.referrals.notification.entity.NotificationRepository;
import io.referrals.notification.entity.NotificationStatus;
import io.referrals.notification.entity.PartnerContact;
import io.referrals.notification.entity.PartnerContactRepository;
import io.referrals.notification.entity.PracticeSettings;
import io.referrals.notification.entity.PracticeSettingsRepository;
import io.referrals.notification.entity.ReferralState;
import io.referrals.notification.entity.ReferralStateRepository;
import io.referrals.notification.entity.TaskKind;
import io.referrals.notification.service.NotificationConfig;
import io.referrals.notification.service.task.TaskService;
import io.referrals.platform.outbox.Outbox;
import io.referrals.platform.persistence.AdvisoryLocks;
import io.referrals.platform.persistence.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Delivers queued messages by SMTP. Each message is taken in its own transaction, which holds the sender's advisory
 * lock (one replica sends at a time) and the message's row ({@code FOR UPDATE SKIP LOCKED}); the outcome of the
 * attempt (sent, with NotificationSent in the outbox; or a pause before the next attempt; or failed after 24 hours)
 * commits in that same transaction, so a sent message is never taken again; a campaign ask also announces
 * CampaignAskSent there, and is only taken once its paced send time has come. The Message-ID was fixed when the
 * message was written: should the commit after a successful send be lost, the one retry carries the same id.
 * Before sending, the message is checked against the referral's latest consent, the partner's unsubscribe and the
 * email preferences they chose in the portal.
 */
@ApplicationScoped
class Sender {
    private static final Logger LOG = Logger.getLogger(Sender.class);

    @Inject
    NotificationRepository notifications;

    @Inject
    AdvisoryLocks locks;

    @Inject
    ReferralStateRepository referrals;

    @Inject
    PartnerContactRepository partners;

    @Inject
    PracticeSettingsRepository settings;

    @Inject
    Messages messages;

    @Inject
    CampaignAsks campaignAsks;

    @Inject
    TaskService tasks;

    @Inject
    Unsubscribes unsubscribes;

    @Inject
    Outbox outbox;

    @Inject
    Mailer mailer;

    @Inject
    NotificationConfig config;

    @Inject
    MeterRegistry registry;

    @Inject
    Clock clock;

    enum Outcome {
        NOTHING_DUE,
        SENT,
        RETRY,
        FAILED,
        NOT_SENT
    }

    @Scheduled(
            every = "${notifications.sender.every:5s}",
            delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledSend() {
        sendDue();
    }

    /** Sends what is due, up to a batch; returns how many messages were sent. */
    public int sendDue() {
        int sent = 0;
        for (int i = 0; i < config.sender().batchSize(); i++) {
            Outcome outcome = QuarkusTransaction.requiringNew().call(this::sendNext);
            registry.counter("notifications.delivery", "outcome", outcome.name().toLowerCase())
                    .increment();
            if (outcome == Outcome.NOTHING_DUE) {
                break;
            }
            if (outcome == Outcome.SENT) {
                sent++;
            }
        }
        return sent;
    }

    Outcome sendNext() {
        if (!locks.tryJob("sender")) {
            return Outcome.NOTHING_DUE;
        }
        Instant now = Timestamps.now(clock);
        Optional<Notification> due = notifications.nextDue(now);
        if (due.isEmpty()) {
            return Outcome.NOTHING_DUE;
        }
        Notification message = due.get();
        if (message.referralId != null) {
            // Read, not locked: a consumer narrowing the consent locks the referral, then waits for this message.
            Optional<ReferralState> referral = referrals.find(message.tenantId, message.referralId);
            if (referral.isPresent() && !messages.reconcile(message, referral.get())) {
                return Outcome.NOT_SENT;
            }
        }
        if (CampaignAsks.campaignEnded(message, now)) {
            campaignAsks.withdraw(message, now);
            return Outcome.NOT_SENT;
        }
        Optional<PartnerContact> partner =
                message.partnerId == null ? Optional.empty() : partners.find(message.tenantId, message.partnerId);
        Optional<String> refused = partner.flatMap(p -> p.emailRefusal(message.kind));
        if (refused.isPresent()) {
            message.end(NotificationStatus.SUPPRESSED, refused.get(), now);
            messages.notEmailed(message, message.lastError);
            return Outcome.NOT_SENT;
        }
        PracticeSettings practice = settings.of(message.tenantId, now);
        message.attempts++;
        try {
            mailer.send(mail(message, practice));
        } catch (RuntimeException e) {
            return failed(message, e, now);
        }
        message.end(NotificationStatus.SENT, null, now);
        message.lastError = null;
        message.sentAt = now;
        tasks.close(message.tenantId, TaskKind.REVIEW_DRAFT, message.id.toString(), "sent");
        outbox.publish(
                EventTypes.NOTIFICATION_SENT,
                message.tenantId,
                message.id,
                new NotificationSent(message.id, message.kind.json(), message.partnerId, message.referralId, now));
        if (message.kind == NotificationKind.CAMPAIGN_ASK && message.askId != null) {
            // Only a sent ask makes the partner "asked" (metrics, attribution); in the transaction that marks it sent.
            outbox.publish(
                    EventTypes.CAMPAIGN_ASK_SENT,
                    message.tenantId,
                    message.campaignId,
                    new CampaignAskSent(
                            message.askId, message.campaignId, message.partnerId, message.variant, message.id, now));
        }
        return Outcome.SENT;
    }

    private Outcome failed(Notification message, RuntimeException e, Instant now) {
        String reason = reason(e);
        // A paced ask is retried for as long as any message, counted from when its turn came.
        Instant triedSince = message.sendAfter != null && message.sendAfter.isAfter(message.queuedAt)
                ? message.sendAfter
                : message.queuedAt;
        if (!now.isBefore(triedSince.plus(config.sender().giveUpAfter()))) {
            message.end(NotificationStatus.FAILED, reason, now);
            LOG.warnf("Message %s failed for good after %d attempts (last: %s)", message.id, message.attempts, reason);
            if (message.kind != NotificationKind.DAILY_DIGEST) {
                messages.followUpInPerson(message, "delivery failed");
            }
            return Outcome.FAILED;
        }
        List<Duration> pauses = config.sender().retryPauses();
        Duration pause = pauses.get(Math.min(message.attempts, pauses.size()) - 1);
        message.nextAttemptAt = now.plus(pause);
        message.lastError = reason;
        message.updatedAt = now;
        LOG.infof(
                "Message %s not sent (attempt %d: %s), next attempt in %s",
                message.id, message.attempts, reason, pause);
        return Outcome.RETRY;
    }

    /** The SMTP answer or the connection problem, without the addresses it may quote. */
    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        text = text.replaceAll("[^\\s<>\"]+@[^\\s<>\"]+", "<address>");
        return text.length() > 500 ? text.substring(0, 500) : text;
    }

    /** Multipart text + HTML, replies to the practice, and one-click unsubscribe (RFC 8058) for partners. */
    Mail mail(Notification message, PracticeSettings practice) {
        Mail mail = Mail.withText(message.recipientEmail, message.subject, message.body);
        if (message.htmlBody != null) {
            mail.setHtml(message.htmlBody);
        }
        String name = practice.practiceName == null ? null : practice.practiceName.replaceAll("[\"<>\\r\\n,;]", "");
        mail.setFrom(
                name == null || name.isBlank()
                        ? config.mail().from()
                        : "\"" + name + "\" <" + config.mail().from() + ">");
        if (practice.replyTo != null) {
            mail.setReplyTo(practice.replyTo);
        }
        mail.addHeader("Message-ID", message.messageId);
        if (message.partnerId != null) {
            String token = unsubscribes.token(message.tenantId, message.partnerId);
            mail.addHeader("List-Unsubscribe", unsubscribes.listUnsubscribe(token));
            mail.addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        return mail;
    }
}
