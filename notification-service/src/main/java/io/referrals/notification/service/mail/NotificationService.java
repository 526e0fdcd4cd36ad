package io.referrals.notification.service.mail;

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
import io.referrals.notification.service.task.TaskService;
import io.referrals.platform.page.Page;
import io.referrals.platform.page.Paging;
import io.referrals.platform.persistence.Timestamps;
import io.referrals.platform.problem.ProblemException;
import io.referrals.platform.text.Text;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;

/** What the practice does with its messages: read, edit, send or dismiss drafts, start one, choose its settings. */
@ApplicationScoped
public class NotificationService {

    @Inject
    NotificationRepository notifications;

    @Inject
    PracticeSettingsRepository settings;

    @Inject
    PartnerContactRepository partners;

    @Inject
    ReferralStateRepository referrals;

    @Inject
    Messages messages;

    @Inject
    TaskService tasks;

    @Inject
    CampaignAsks campaignAsks;

    @Inject
    Clock clock;

    public Page<Notification> list(
            String tenantId, UUID partnerId, NotificationStatus status, NotificationKind kind, Paging paging) {
        return notifications.list(tenantId, partnerId, status, kind, paging);
    }

    public Notification get(String tenantId, UUID id) {
        return notifications.findInTenant(tenantId, id).orElseThrow(() -> notFound(id));
    }

    /** Changes a draft's subject or body; the HTML part follows the new text, escaped. */
    @Transactional
    public Notification edit(String tenantId, UUID id, NotificationCommands.Edit edit) {
        Notification message = lockDraft(tenantId, id);
        String subject = Text.blankToNull(edit.subject());
        String body = Text.blankToNull(edit.body());
        if (subject == null && body == null) {
            throw ProblemException.invalidField("body", "give a subject or a body");
        }
        if (subject != null) {
            message.subject = subject.replaceAll("\\s+", " ");
        }
        if (body != null) {
            message.body = body;
            message.htmlBody = Templates.html(body, java.util.List.of());
        }
        message.edited = true;
        message.updatedAt = Timestamps.now(clock);
        return message;
    }

    /**
     * Queues a draft for the sender, after checking it against the referral's latest consent; a campaign ask takes its
     * paced place.
     */
    @Transactional
    public Notification send(String tenantId, UUID id) {
        Notification message = lockDraft(tenantId, id);
        if (message.referralId != null) {
            ReferralState referral =
                    referrals.find(tenantId, message.referralId).orElse(null);
            if (referral != null && !messages.reconcile(message, referral)) {
                throw ProblemException.conflict(
                        "consent-withdrawn",
                        "Consent no longer allows this message",
                        "The referred person narrowed what the referrer may be told; the draft was withdrawn.",
                        Map.of("currentStatus", message.status.json()));
            }
        }
        PartnerContact partner = message.partnerId == null
                ? null
                : partners.find(tenantId, message.partnerId).orElse(null);
        if (partner != null && partner.unsubscribed()) {
            throw ProblemException.conflict(
                    "partner-unsubscribed",
                    "Partner unsubscribed",
                    "This partner asked for no more email from the practice; say it in person instead.",
                    Map.of());
        }
        if (partner != null && partner.emailRefusal(message.kind).isPresent()) {
            throw ProblemException.conflict(
                    "partner-opted-out",
                    "Partner turned this email off",
                    partner.emailRefusal(message.kind).get() + "; say it in person instead.",
                    Map.of());
        }
        Instant now = Timestamps.now(clock);
        if (CampaignAsks.campaignEnded(message, now)) {
            throw ProblemException.conflict(
                    "campaign-ended",
                    "The campaign has ended",
                    "This ask's campaign ended before it was sent; it can no longer be sent.",
                    Map.of());
        }
        if (message.kind == NotificationKind.CAMPAIGN_ASK) {
            // An approved ask takes its place in the practice's paced queue like an auto-sent one.
            campaignAsks.queuePaced(message, now);
        } else {
            message.queue(now);
        }
        notifications.senderAfterCommit(message);
        tasks.close(tenantId, TaskKind.REVIEW_DRAFT, message.id.toString(), "queued");
        return message;
    }

    @Transactional
    public Notification dismiss(String tenantId, UUID id) {
        Notification message = lockDraft(tenantId, id);
        message.end(NotificationStatus.DISMISSED, null, Timestamps.now(clock));
        tasks.close(tenantId, TaskKind.REVIEW_DRAFT, message.id.toString(), "dismissed");
        return message;
    }

    /** Starts a message of a kind no event writes: a pleased check-in, an outreach, an introduction. */
    @Transactional
    public Notification compose(String tenantId, NotificationCommands.Compose command) {
        PartnerContact partner = partners.find(tenantId, command.partnerId())
                .filter(p -> p.name != null)
                .orElseThrow(() -> ProblemException.notFound("Partner", command.partnerId()));
        return switch (command.kind()) {
            case PLEASED_CHECK_IN -> {
                if (command.referralId() == null) {
                    throw ProblemException.invalidField("referralId", "a pleased_check_in is about a referral");
                }
                ReferralState referral = referrals
                        .find(tenantId, command.referralId())
                        .filter(r -> command.partnerId().equals(r.partnerId))
                        .orElseThrow(() -> ProblemException.notFound("Referral", command.referralId()));
                if (!referral.consent.allows(NotificationKind.PLEASED_CHECK_IN.needs())) {
                    throw ProblemException.unprocessable(
                            "consent-does-not-allow",
                            "Consent does not allow this message",
                            "The referred person did not allow the referrer to learn the outcome.");
                }
                yield messages.writeOnce(
                                tenantId, command.kind(), Messages.Subject.of(referral, Map.of("converted", true)))
                        .orElseThrow(() -> ProblemException.conflict(
                                "already-written",
                                "Already written",
                                "A pleased check-in about this referral exists.",
                                Map.of()));
            }
            case PARTNER_OUTREACH -> messages.write(tenantId, command.kind(), subjectOf(partner, Map.of()));
            case PARTNER_INTRODUCTION -> {
                if (command.otherPartnerId() == null || command.otherPartnerId().equals(command.partnerId())) {
                    throw ProblemException.invalidField("otherPartnerId", "name the other partner to introduce");
                }
                PartnerContact other = partners.find(tenantId, command.otherPartnerId())
                        .filter(p -> p.name != null)
                        .orElseThrow(() -> ProblemException.notFound("Partner", command.otherPartnerId()));
                yield messages.write(
                        tenantId, command.kind(), subjectOf(partner, Map.of("otherPartnerName", other.name)));
            }
            default ->
                throw ProblemException.invalidField(
                        "kind",
                        "events write " + command.kind().json() + " messages; start pleased_check_in, "
                                + "partner_outreach or partner_introduction");
        };
    }

    private static Messages.Subject subjectOf(PartnerContact partner, Map<String, Object> extra) {
        return new Messages.Subject(partner.partnerId(), partner.name, partner.email, null, null, null, null, extra);
    }

    public PracticeSettings settings(String tenantId) {
        return settings.of(tenantId, clock.instant());
    }

    @Transactional
    public PracticeSettings putSettings(String tenantId, NotificationCommands.Settings command) {
        Instant now = Timestamps.now(clock);
        PracticeSettings practice = settings.lockOrCreate(tenantId, now);
        practice.practiceName = Text.blankToNull(command.practiceName());
        practice.replyTo = Text.blankToNull(command.replyTo());
        practice.signature = Text.blankToNull(command.signature());
        practice.program = Text.blankToNull(command.program());
        practice.autoSend = command.autoSend() == null
                ? new ArrayList<>()
                : new ArrayList<>(command.autoSend().stream()
                        .filter(NotificationKind::hasTemplate)
                        .map(NotificationKind::json)
                        .distinct()
                        .toList());
        practice.digestEnabled = Boolean.TRUE.equals(command.digestEnabled());
        practice.digestEmail = Text.blankToNull(command.digestEmail());
        if (practice.digestEnabled && practice.digestEmail == null) {
            throw ProblemException.invalidField("digestEmail", "is needed to send the digest");
        }
        practice.updatedAt = now;
        return practice;
    }

    private Notification lockDraft(String tenantId, UUID id) {
        Notification message = notifications.lockInTenant(tenantId, id).orElseThrow(() -> notFound(id));
        if (message.status != NotificationStatus.DRAFTED) {
            throw ProblemException.conflict(
                    "not-a-draft",
                    "Not a draft",
                    "Only a drafted message can be edited, sent or dismissed; this one is " + message.status.json()
                            + ".",
                    Map.of("currentStatus", message.status.json()));
        }
        return message;
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("Notification", id);
    }
}
