package io.referrals.notification.service.mail;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.mailer.Mail;
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
import io.referrals.notification.service.MailTransport;
import io.referrals.notification.service.NotificationConfig;
import io.referrals.notification.service.task.TaskService;
import io.referrals.platform.outbox.Outbox;
import io.referrals.platform.persistence.Timestamps;
import io.referrals.platform.tracing.MessagingSpans;
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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Delivers queued messages by SMTP, in batches, on a thread of its own that runs after the commit of any transaction
 * that queued a message (and every {@code notifications.sender.every}, 1 s, for retries that came due and paced
 * campaign asks whose time came). Each batch is one transaction: it claims up to
 * {@code notifications.sender.batch-size} due messages ({@code FOR UPDATE SKIP LOCKED}: replicas send disjoint
 * batches, no lock of their own), reads the batch's referral states, partners and practices in one query each, checks
 * each message against the referral's latest consent, the partner's unsubscribe and the email preferences they chose
 * in the portal, sends the rest concurrently over the mailer's pooled connections
 * ({@code notifications.sender.concurrency} at once), and records every outcome (sent, with NotificationSent in the
 * outbox; or a pause before the next attempt; or failed after 24 hours) in that same transaction, so a sent message is
 * never taken again; a campaign ask also announces CampaignAskSent there, and is only taken once its paced send time
 * has come. The rows stay locked while they are sent: a consumer narrowing a consent waits for the batch (its sends
 * take one mailer timeout at most). The Message-ID was fixed when the message was written: should the commit after a
 * successful send be lost, the one retry carries the same id. Batches follow one another at once while messages are
 * due. Messages of one batch go out concurrently, so their order of arrival is not kept.
 */
@ApplicationScoped
public class Sender {
    private static final Logger LOG = Logger.getLogger(Sender.class);
    private static final AttributeKey<String> NOTIFICATION_KIND = AttributeKey.stringKey("notification.kind");
    private static final AttributeKey<String> NOTIFICATION_ID = AttributeKey.stringKey("notification.id");
    private static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("notification.attempt");

    @Inject
    NotificationRepository notifications;

    @Inject
    MessagingSpans spans;

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
    MailTransport transport;

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

    @PostConstruct
    void start() {
        runs = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "mail-sender");
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stop() {
        runs.shutdownNow();
    }

    /** The fallback: retries that came due, paced asks whose time came, anything a lost wake-up left. */
    @Scheduled(
            every = "${notifications.sender.every:1s}",
            delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledSend() {
        wakeUp();
    }

    /** After the commit of a transaction that queued a message: send now rather than at the next poll. */
    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) NotificationQueued queued) {
        wakeUp();
    }

    /** Runs the sender soon on its own thread; calls while a run is pending are one run. */
    void wakeUp() {
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
    public int sendDue() {
        int sent = 0;
        int batchSize = Math.max(1, config.sender().batchSize());
        Batch batch;
        do {
            batch = QuarkusTransaction.requiringNew()
                    .timeout(batchTimeoutSeconds())
                    .call(() -> sendBatch(batchSize));
            sent += batch.sent();
        } while (batch.claimed() == batchSize);
        return sent;
    }

    /** Room for the batch's sends (one mailer timeout per round of concurrent sends) and its statements. */
    private int batchTimeoutSeconds() {
        int rounds = (config.sender().batchSize() + concurrency() - 1) / concurrency();
        long seconds = config.mail().sendTimeout().toSeconds() * rounds + 60;
        return (int) Math.min(seconds, Integer.MAX_VALUE);
    }

    private int concurrency() {
        return Math.max(1, config.sender().concurrency());
    }

    Batch sendBatch(int batchSize) {
        Instant now = Timestamps.now(clock);
        List<Notification> due = notifications.claimDue(now, batchSize);
        if (due.isEmpty()) {
            return new Batch(0, 0);
        }
        // The batch's lookups, one query each; the checks below then read them from the session.
        Map<ReferralState.Key, ReferralState> referralStates = referrals.byReferral(due.stream()
                .map(m -> m.referralId)
                .filter(Objects::nonNull)
                .distinct()
                .toList());
        Map<PartnerContact.Key, PartnerContact> partnerContacts = partners.byPartner(due.stream()
                .map(m -> m.partnerId)
                .filter(Objects::nonNull)
                .distinct()
                .toList());
        Map<String, PracticeSettings> practices =
                settings.of(due.stream().map(m -> m.tenantId).distinct().toList(), now);

        List<Notification> sending = new ArrayList<>();
        List<Mail> mails = new ArrayList<>();
        for (Notification message : due) {
            if (!stillToBeSent(message, now, referralStates, partnerContacts)) {
                count(Outcome.NOT_SENT);
                continue;
            }
            message.attempts++;
            sending.add(message);
            mails.add(mail(message, practices.get(message.tenantId)));
        }
        List<Span> sendSpans = sending.stream().map(this::sendSpan).toList();
        List<Throwable> errors = sendAll(sendSpans, mails);
        int sent = 0;
        List<TaskService.Ref> reviewed = new ArrayList<>();
        for (int i = 0; i < sending.size(); i++) {
            Notification message = sending.get(i);
            Outcome outcome;
            // In the send's context: the event recording it (NotificationSent) goes on in the same trace.
            try (Scope scope = Context.root().with(sendSpans.get(i)).makeCurrent()) {
                outcome = errors.get(i) == null ? sent(message, now) : failed(message, errors.get(i), now);
            }
            count(outcome);
            if (outcome == Outcome.SENT) {
                sent++;
                reviewed.add(new TaskService.Ref(message.tenantId, message.id.toString()));
            }
        }
        tasks.closeAll(TaskKind.REVIEW_DRAFT, reviewed, "sent");
        return new Batch(due.size(), sent);
    }

    /** The checks just before sending: consent, a campaign that ended, unsubscribe and portal preferences. */
    private boolean stillToBeSent(
            Notification message,
            Instant now,
            Map<ReferralState.Key, ReferralState> referralStates,
            Map<PartnerContact.Key, PartnerContact> partnerContacts) {
        if (message.referralId != null) {
            // Read, not locked: a consumer narrowing the consent locks the referral, then waits for this message.
            ReferralState referral = referralStates.get(new ReferralState.Key(message.tenantId, message.referralId));
            if (referral != null && !messages.reconcile(message, referral)) {
                return false;
            }
        }
        if (CampaignAsks.campaignEnded(message, now)) {
            campaignAsks.withdraw(message, now);
            return false;
        }
        PartnerContact partner = message.partnerId == null
                ? null
                : partnerContacts.get(new PartnerContact.Key(message.tenantId, message.partnerId));
        String refused =
                partner == null ? null : partner.emailRefusal(message.kind).orElse(null);
        if (refused != null) {
            message.end(NotificationStatus.SUPPRESSED, refused, now);
            messages.notEmailed(message, message.lastError);
            return false;
        }
        return true;
    }

    /**
     * Sends the mails concurrently over the mailer's pool, at most {@code notifications.sender.concurrency} at once;
     * for each, null if the server accepted it, else why not.
     */
    private List<Throwable> sendAll(List<Span> sendSpans, List<Mail> mails) {
        Semaphore inFlight = new Semaphore(concurrency());
        List<CompletableFuture<Void>> sends = new ArrayList<>(mails.size());
        for (int i = 0; i < mails.size(); i++) {
            inFlight.acquireUninterruptibly();
            Span span = sendSpans.get(i);
            sends.add(transport.send(mails.get(i)).whenComplete((ok, error) -> {
                inFlight.release();
                if (error == null) {
                    span.end();
                } else {
                    MessagingSpans.endFailed(span, error);
                }
            }));
        }
        List<Throwable> errors = new ArrayList<>(mails.size());
        for (CompletableFuture<Void> send : sends) {
            try {
                send.get();
                errors.add(null);
            } catch (ExecutionException | CompletionException e) {
                errors.add(e.getCause() == null ? e : e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                errors.add(new IllegalStateException("interrupted while sending", e));
            }
        }
        return errors;
    }

    /**
     * One mail's send to the SMTP server, a child of the span it was queued in (the referral event's processing, or the
     * request that approved a draft): the last span of a referral's trace. The kind and id only; no address.
     */
    private Span sendSpan(Notification message) {
        return spans.clientOf("send " + message.kind.name().toLowerCase(Locale.ROOT), message.queuedIn())
                .setAttribute(NOTIFICATION_KIND, message.kind.name().toLowerCase(Locale.ROOT))
                .setAttribute(NOTIFICATION_ID, message.id.toString())
                .setAttribute(ATTEMPT, (long) message.attempts)
                .startSpan();
    }

    private Outcome sent(Notification message, Instant now) {
        message.end(NotificationStatus.SENT, null, now);
        message.lastError = null;
        message.sentAt = now;
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

    private Outcome failed(Notification message, Throwable e, Instant now) {
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
        Set<Throwable> seen = new HashSet<>();
        while (root.getCause() != null && seen.add(root)) {
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
