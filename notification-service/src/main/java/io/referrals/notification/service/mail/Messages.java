package io.referrals.notification.service.mail;

import io.referrals.events.Consent;
import io.referrals.events.ReferralStatus;
import io.referrals.notification.entity.Notification;
import io.referrals.notification.entity.NotificationKind;
import io.referrals.notification.entity.NotificationRepository;
import io.referrals.notification.entity.NotificationStatus;
import io.referrals.notification.entity.PartnerContact;
import io.referrals.notification.entity.PartnerContactRepository;
import io.referrals.notification.entity.PracticeSettings;
import io.referrals.notification.entity.PracticeSettingsRepository;
import io.referrals.notification.entity.ReferralState;
import io.referrals.notification.entity.TaskKind;
import io.referrals.notification.service.NotificationConfig;
import io.referrals.notification.service.batch.BatchRows;
import io.referrals.notification.service.task.TaskService;
import io.referrals.platform.persistence.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes messages: renders the practice's template for a kind with what is known and allowed, then drafts the
 * message for review (a task asks for it) or queues it for the sender, as the practice chose for that kind. A message
 * to a partner without an address, who unsubscribed or who turned its kind off in the portal is not emailed: a task
 * asks the practice to say it in person.
 */
@ApplicationScoped
public class Messages {
    /** Thanks and updates are prompt: a draft is due for review, and an in-person follow-up, within a day. */
    static final Duration REVIEW_WITHIN = Duration.ofDays(1);

    @Inject
    NotificationRepository notifications;

    @Inject
    PartnerContactRepository partners;

    @Inject
    PracticeSettingsRepository settings;

    @Inject
    Templates templates;

    @Inject
    TaskService tasks;

    @Inject
    NotificationConfig config;

    @Inject
    BatchRows batch;

    @Inject
    Clock clock;

    /** Who a message goes to and what it may say about whom. */
    public record Subject(
            UUID partnerId,
            String recipientName,
            String recipientEmail,
            UUID referralId,
            String referredFirstName,
            Consent consent,
            String bookingLink,
            Map<String, Object> extra) {

        public static Subject of(ReferralState referral, Map<String, Object> extra) {
            return new Subject(
                    referral.partnerId,
                    referral.referrerName,
                    referral.referrerEmail,
                    referral.referralId(),
                    referral.referredFirstName,
                    referral.consent,
                    referral.bookingLink,
                    extra);
        }
    }

    /** Writes a message of that kind about a referral, unless it was written before. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Notification> writeOnce(String tenantId, NotificationKind kind, Subject subject) {
        if (subject.referralId() != null) {
            Boolean loaded = batch.messageExists(tenantId, kind, subject.referralId());
            if (loaded != null ? loaded : notifications.exists(tenantId, kind, subject.referralId())) {
                return Optional.empty();
            }
        }
        return Optional.of(write(tenantId, kind, subject));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Notification write(String tenantId, NotificationKind kind, Subject subject) {
        Instant now = Timestamps.now(clock);
        Optional<PracticeSettings> storedSettings = batch.settings(tenantId);
        PracticeSettings practice = storedSettings != null
                ? storedSettings.orElseGet(() -> PracticeSettings.defaults(tenantId, now))
                : settings.of(tenantId, now);
        Optional<PartnerContact> loadedContact =
                subject.partnerId() == null ? null : batch.partner(tenantId, subject.partnerId());
        Optional<PartnerContact> contact =
                loadedContact != null ? loadedContact : partners.find(tenantId, subject.partnerId());
        Notification message = new Notification();
        message.id = UUID.randomUUID();
        message.tenantId = tenantId;
        message.kind = kind;
        message.partnerId = subject.partnerId();
        message.recipientName = contact.map(c -> c.name).filter(n -> n != null).orElse(subject.recipientName());
        message.recipientEmail =
                contact.map(c -> c.email).filter(e -> e != null).orElse(subject.recipientEmail());
        message.referralId = subject.referralId();
        message.messageId = "<" + message.id + "@" + config.mail().messageIdDomain() + ">";
        message.createdAt = now;
        message.updatedAt = now;
        render(message, practice, subject);
        Optional<String> refused = contact.flatMap(c -> c.emailRefusal(kind))
                .or(() -> message.recipientEmail == null
                        ? Optional.of("The partner has no email address")
                        : Optional.empty());
        if (refused.isPresent()) {
            message.status = NotificationStatus.SUPPRESSED;
            message.lastError = refused.get();
            persist(message);
            notEmailed(message, message.lastError);
        } else if (practice.autoSends(kind)) {
            message.queue(now);
            persist(message);
            notifications.senderAfterCommit(message);
        } else {
            message.status = NotificationStatus.DRAFTED;
            persist(message);
            tasks.openNew(
                    tenantId,
                    new TaskService.Opening(
                            TaskKind.REVIEW_DRAFT,
                            message.id.toString(),
                            message.partnerId,
                            message.referralId,
                            message.id,
                            "Review the " + label(kind) + " to " + message.recipientName,
                            now.plus(REVIEW_WITHIN)));
        }
        return message;
    }

    private void persist(Notification message) {
        notifications.persist(message);
        batch.messageWritten(message.tenantId, message.kind, message.referralId);
    }

    /** Renders (again) from the practice's template under the subject's consent. */
    public void render(Notification message, PracticeSettings practice, Subject subject) {
        Templates.Rendered rendered = templates.render(
                templates.sourceToSend(message.tenantId, message.kind),
                values(practice, message.recipientName, subject));
        message.subject = rendered.subject();
        message.body = rendered.text();
        message.htmlBody = rendered.html();
        message.renderedConsent = subject.consent();
        message.edited = false;
    }

    /** Brings an unsent message in line with the referral's consent; returns false if it may no longer be sent. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean reconcile(Notification message, ReferralState referral) {
        Instant now = Timestamps.now(clock);
        if (!referral.consent.allows(message.kind.needs())) {
            message.end(NotificationStatus.WITHDRAWN, "The referred person's consent no longer allows it", now);
            tasks.close(message.tenantId, TaskKind.REVIEW_DRAFT, message.id.toString(), "withdrawn");
            return false;
        }
        if (message.renderedConsent == null || !referral.consent.allows(message.renderedConsent)) {
            Map<String, Object> extra = message.kind == NotificationKind.OUTCOME_UPDATE
                    ? Map.of(
                            "converted", referral.status == ReferralStatus.CONVERTED, "outcome", referral.status.json())
                    : Map.of();
            render(message, settings.of(message.tenantId, now), Subject.of(referral, extra));
            message.updatedAt = now;
        }
        return true;
    }

    /** The placeholders' values: the referred person's first name only as far as the consent allows. */
    public static Map<String, Object> values(PracticeSettings practice, String recipientName, Subject subject) {
        Map<String, Object> values = new LinkedHashMap<>();
        String practiceName = orEmpty(practice.practiceName);
        values.put("practiceName", practiceName);
        values.put("signature", practice.signature != null ? practice.signature : practiceName);
        values.put("program", orEmpty(practice.program));
        values.put("recipientName", orEmpty(recipientName));
        values.put("recipientFirstName", firstName(recipientName));
        values.put("referrerName", orEmpty(recipientName));
        values.put("referrerFirstName", firstName(recipientName));
        boolean mayName = subject.consent() != null && subject.consent().allows(Consent.CONTACT_MADE);
        values.put("referredFirstName", mayName ? firstName(subject.referredFirstName()) : "");
        values.put("converted", false);
        values.put("outcome", "");
        values.put("otherPartnerName", "");
        // The practice's booking page with the referral's code: no personal data, so whatever the consent.
        values.put("bookingLink", orEmpty(subject.bookingLink()));
        if (subject.extra() != null) {
            values.putAll(subject.extra());
        }
        return values;
    }

    /**
     * A message the partner's refusal (unsubscribed, turned its kind off, no address) keeps from being emailed: a task
     * to say it in person, except for a campaign ask, which asks many partners at once and would bury the practice's
     * task list; its suppressed status and reason say why.
     */
    public void notEmailed(Notification message, String why) {
        if (message.kind == NotificationKind.CAMPAIGN_ASK) {
            tasks.close(message.tenantId, TaskKind.REVIEW_DRAFT, message.id.toString(), "not emailed");
        } else {
            followUpInPerson(message, why);
        }
    }

    /** A task for what could not be emailed, once per message. */
    public void followUpInPerson(Notification message, String why) {
        tasks.open(
                message.tenantId,
                new TaskService.Opening(
                        TaskKind.PERSONAL_FOLLOW_UP,
                        message.id.toString(),
                        message.partnerId,
                        message.referralId,
                        message.id,
                        "Say it in person to " + message.recipientName + ": the " + label(message.kind)
                                + " was not emailed (" + why + ")",
                        Timestamps.now(clock).plus(REVIEW_WITHIN)));
        tasks.close(message.tenantId, TaskKind.REVIEW_DRAFT, message.id.toString(), "not emailed");
    }

    public static String label(NotificationKind kind) {
        return kind.json().replace('_', ' ');
    }

    public static String firstName(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        return name.strip().split("\\s+")[0];
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
