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
import io.referrals.notification.entity.NotificationQueued;
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
import io.referrals.platform.persistence.Timestamps;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Delivers queued messages by SMTP, in batches. Each batch is one transaction: it claims up to
 * {@code notifications.sender.batch-size} due messages ({@code FOR UPDATE SKIP LOCKED}: replicas send disjoint
 * batches, no lock of their own), checks each against the referral's latest consent, the partner's unsubscribe and the
 * email preferences they chose in the portal, sends the rest concurrently over the mailer's pooled connections
 * ({@code notifications.sender.concurrency} at once), and records every outcome (sent, with NotificationSent in the
 * outbox; or a pause before the next attempt; or failed after 24 hours) in that same transaction, so a sent message
 * is never taken again; a campaign ask also announces CampaignAskSent there, and is only taken once its paced send
 * time has come. The rows stay locked while they are sent: a consumer narrowing a consent waits for the batch. The
 * Message-ID was fixed when the message was written: should the commit after a successful send be lost, the one retry
 * carries the same id. Batches follow one another at once while messages are due; the sender runs after the commit
 * of a transaction that queued a message, and every {@code notifications.sender.every}. Messages of one batch go out
 * concurrently, so their order of arrival is not kept.
 */
@ApplicationScoped
class Sender {
    private static final Logger LOG = Logger.getLogger(Sender.class);

    @Inject
    NotificationRepository notifications;

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
        SENT,
        RETRY,
        FAILED,
        NOT_SENT
    }

    private final AtomicBoolean runPending = new AtomicBoolean();
    private ExecutorService runs;
    private ExecutorService smtp;

    @PostConstruct
    void start() {
        runs = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "mail-sender");
            thread.setDaemon(true);
            return thread;
        });
        AtomicInteger threads = new AtomicInteger();
        smtp = Executors.newFixedThreadPool(Math.max(1, config.sender().concurrency()), task -> {
            Thread thread = new Thread(task, "mail-smtp-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stop() {
        runs.shutdownNow();
        smtp.shutdownNow();
    }

    @Scheduled(
            every = "${notifications.sender.every:1s}",
            delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledSend() {
        sendDue();
    }

    /** After the commit of a transaction that queued a message: send now rather than at the next poll. */
    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) NotificationQueued queued) {
        if (runPending.compareAndSet(false, true)) {
            try {
                runs.execute(() -> {
                    runPending.set(false);
                    try {
                        sendDue();
                    } catch (RuntimeException e) {
                        LOG.warnf("Sending queued mail failed (%s); the next poll tries again", e.toString());
                    }
                });
            } catch (RejectedExecutionException e) {
                runPending.set(false); // shutting down
            }
        }
    }

    record Batch(int claimed, int sent) {}

    /** Sends what is due, batch after batch until a batch is not full; returns how many messages were sent. */
    public synchronized int sendDue() {
        int sent = 0;
        int batchSize = Math.max(1, config.sender().batchSize());
        int timeout = (int) Math.max(1, config.sender().batchTimeout().toSeconds());
        Batch batch;
        do {
            batch = QuarkusTransaction.requiringNew().timeout(timeout).call(() -> sendBatch(batchSize));
            sent += batch.sent();
        } while (batch.claimed() == batchSize);
        return sent;
    }

    Batch sendBatch(int batchSize) {
        Instant now = Timestamps.now(clock);
        List<Notification> due = notifications.claimDue(now, batchSize);
        Map<String, PracticeSettings> practices = new HashMap<>();
        List<Notification> sending = new ArrayList<>();
        List<Mail> mails = new ArrayList<>();
        for (Notification message : due) {
            if (!stillToBeSent(message, now)) {
                count(Outcome.NOT_SENT);
                continue;
            }
            PracticeSettings practice = practices.computeIfAbsent(message.tenantId, tenant -> settings.of(tenant, now));
            message.attempts++;
            sending.add(message);
            mails.add(mail(message, practice));
        }
        List<RuntimeException> errors = sendAll(mails);
        int sent = 0;
        for (int i = 0; i < sending.size(); i++) {
            Notification message = sending.get(i);
            Outcome outcome = errors.get(i) == null ? sent(message, now) : failed(message, errors.get(i), now);
            count(outcome);
            if (outcome == Outcome.SENT) {
                sent++;
            }
        }
        return new Batch(due.size(), sent);
    }

    /** The checks just before sending: consent, a campaign that ended, unsubscribe and portal preferences. */
    private boolean stillToBeSent(Notification message, Instant now) {
        if (message.referralId != null) {
            // Read, not locked: a consumer narrowing the consent locks the referral, then waits for this message.
            Optional<ReferralState> referral = referrals.find(message.tenantId, message.referralId);
            if (referral.isPresent() && !messages.reconcile(message, referral.get())) {
                return false;
            }
        }
        if (CampaignAsks.campaignEnded(message, now)) {
            campaignAsks.withdraw(message, now);
            return false;
        }
        Optional<PartnerContact> partner =
                message.partnerId == null ? Optional.empty() : partners.find(message.tenantId, message.partnerId);
        Optional<String> refused = partner.flatMap(p -> p.emailRefusal(message.kind));
        if (refused.isPresent()) {
            message.end(NotificationStatus.SUPPRESSED, refused.get(), now);
            messages.notEmailed(message, message.lastError);
            return false;
        }
        return true;
    }

    /** Sends the mails concurrently over the mailer's pool; for each, null if the server accepted it, else why not. */
    private List<RuntimeException> sendAll(List<Mail> mails) {
        List<Future<?>> sends = new ArrayList<>(mails.size());
        for (Mail mail : mails) {
            sends.add(smtp.submit(() -> mailer.send(mail)));
        }
        List<RuntimeException> errors = new ArrayList<>(mails.size());
        for (Future<?> send : sends) {
            try {
                send.get();
                errors.add(null);
            } catch (ExecutionException e) {
                errors.add(
                        e.getCause() instanceof RuntimeException runtime
                                ? runtime
                                : new IllegalStateException(e.getCause()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                errors.add(new IllegalStateException("interrupted while sending", e));
            }
        }
        return errors;
    }

    private Outcome sent(Notification message, Instant now) {
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

    private void count(Outcome outcome) {
        registry.counter("notifications.delivery", "outcome", outcome.name().toLowerCase())
                .increment();
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
