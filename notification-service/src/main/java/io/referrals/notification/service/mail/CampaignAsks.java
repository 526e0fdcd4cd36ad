package io.referrals.notification.service.mail;

import io.referrals.events.CloudEvent;
import io.referrals.events.Consent;
import io.referrals.events.campaign.CampaignEnded;
import io.referrals.events.campaign.CampaignLinkIssued;
import io.referrals.notification.entity.Notification;
import io.referrals.notification.entity.NotificationKind;
import io.referrals.notification.entity.NotificationRepository;
import io.referrals.notification.entity.NotificationStatus;
import io.referrals.notification.entity.PartnerContact;
import io.referrals.notification.entity.PartnerContactRepository;
import io.referrals.notification.entity.PracticeSettings;
import io.referrals.notification.entity.PracticeSettingsRepository;
import io.referrals.notification.entity.TaskKind;
import io.referrals.notification.service.CampaignConfig;
import io.referrals.notification.service.NotificationConfig;
import io.referrals.notification.service.task.TaskService;
import io.referrals.platform.persistence.Timestamps;
import io.referrals.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes a campaign's ask (issue 29) from the CampaignLinkIssued referral-service made for it: the variant's subject and
 * body with the campaign's placeholders, to the partner's address as partner.events gave it. One message per ask,
 * whatever the broker redelivers; none once the campaign has ended. A draft for review when the campaign says so,
 * else queued and paced: the practice's queued asks are spaced by 60 s / {@code asks-per-minute}, so that a campaign
 * to thousands of partners does not flood the SMTP relay, while its other messages go out as before.
 */
@ApplicationScoped
public class CampaignAsks {
    static final String CAMPAIGN_OVER = "The campaign ended before the ask was sent";
    private static final DateTimeFormatter CAMPAIGN_ENDS = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);

    @Inject
    NotificationRepository notifications;

    @Inject
    PartnerContactRepository partners;

    @Inject
    PracticeSettingsRepository settings;

    @Inject
    Templates templates;

    @Inject
    Messages messages;

    @Inject
    TaskService tasks;

    @Inject
    NotificationConfig config;

    @Inject
    CampaignConfig campaigns;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void onLinkIssued(CloudEvent event, CampaignLinkIssued link) {
        String tenantId = event.tenantid();
        Instant now = Timestamps.now(clock);
        if (!now.isBefore(link.endsAt())
                || notifications.askExists(tenantId, link.askId())
                || notifications.hasCampaignEnded(tenantId, link.campaignId())) {
            return; // over (at its end, or ended early: the end may be read before a link on the other topic)
        }
        PracticeSettings practice = settings.of(tenantId, now);
        Optional<PartnerContact> contact = partners.find(tenantId, link.partnerId());
        Notification message = new Notification();
        message.id = UUID.randomUUID();
        message.tenantId = tenantId;
        message.kind = NotificationKind.CAMPAIGN_ASK;
        message.partnerId = link.partnerId();
        message.recipientName =
                contact.map(c -> c.name).filter(n -> !n.isBlank()).orElse("the partner");
        message.recipientEmail = contact.map(c -> c.email).orElse(null);
        message.campaignId = link.campaignId();
        message.variant = link.variant();
        message.askId = link.askId();
        message.campaignEndsAt = Timestamps.stored(link.endsAt());
        message.messageId = "<" + message.id + "@" + config.mail().messageIdDomain() + ">";
        message.renderedConsent = Consent.NONE;
        message.createdAt = now;
        message.updatedAt = now;
        try {
            Templates.Rendered rendered = templates.renderAsk(
                    link.askSubject(), link.askBody(), values(practice, contact.orElse(null), link));
            message.subject = limit(rendered.subject(), 300);
            message.body = rendered.text();
            message.htmlBody = rendered.html();
        } catch (ProblemException e) {
            // partner-service checks the ask when the campaign is saved; this is the last line, not the first.
            message.subject = limit(link.askSubject().replaceAll("\\s+", " ").strip(), 300);
            message.body = link.askBody();
            message.status = NotificationStatus.FAILED;
            message.lastError = limit(
                    "The campaign's ask is not a valid template: " + e.problem().detail(), 500);
            notifications.persist(message);
            messages.followUpInPerson(message, "the campaign's ask is not a valid template");
            return;
        }
        Optional<String> refused = contact.flatMap(c -> c.emailRefusal(NotificationKind.CAMPAIGN_ASK))
                .or(() -> message.recipientEmail == null
                        ? Optional.of("The partner has no email address")
                        : Optional.empty());
        if (refused.isPresent()) {
            message.status = NotificationStatus.SUPPRESSED;
            message.lastError = refused.get();
            notifications.persist(message);
            messages.notEmailed(message, message.lastError);
        } else if (link.autoSend()) {
            queuePaced(message, now);
            notifications.persist(message);
        } else {
            message.status = NotificationStatus.DRAFTED;
            notifications.persist(message);
            tasks.open(
                    tenantId,
                    new TaskService.Opening(
                            TaskKind.REVIEW_DRAFT,
                            message.id.toString(),
                            message.partnerId,
                            null,
                            message.id,
                            "Review the campaign ask to " + message.recipientName + " (" + link.campaignName() + ")",
                            now.plus(Messages.REVIEW_WITHIN)));
        }
    }

    /**
     * The campaign stopped asking (at its end, or early): its asks not sent yet never are. Referral-service attributes
     * nothing to an ask that was not sent, and the partner would be asked for a campaign that is over.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onCampaignEnded(CloudEvent event, CampaignEnded ended) {
        Instant now = Timestamps.now(clock);
        notifications.campaignEnded(event.tenantid(), ended.campaignId(), ended.endedAt());
        for (Notification ask : notifications.unsentOfCampaign(event.tenantid(), ended.campaignId())) {
            withdraw(ask, now);
        }
    }

    /** Whether the ask's campaign has ended, so that it may no longer be sent. */
    static boolean campaignEnded(Notification message, Instant now) {
        return message.kind == NotificationKind.CAMPAIGN_ASK
                && message.campaignEndsAt != null
                && !now.isBefore(message.campaignEndsAt);
    }

    void withdraw(Notification ask, Instant now) {
        ask.end(NotificationStatus.WITHDRAWN, CAMPAIGN_OVER, now);
        tasks.close(ask.tenantId, TaskKind.REVIEW_DRAFT, ask.id.toString(), "withdrawn");
    }

    /**
     * Queues a campaign ask not before the practice's previous paced ask plus the spacing (now, if that has passed).
     * Holds the practice's pacing lock until the transaction ends, so two asks never get the same time.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void queuePaced(Notification message, Instant now) {
        notifications.lockPacing(message.tenantId);
        Instant previous = notifications.latestSendAfter(message.tenantId);
        Instant notBefore = previous == null ? now : previous.plus(spacing());
        message.queue(now, Timestamps.stored(notBefore.isAfter(now) ? notBefore : now));
        notifications.senderAfterCommit(message); // due now if the practice's queue is empty; else the poll finds it
    }

    Duration spacing() {
        return Duration.ofMillis(60_000L / campaigns.asksPerMinute());
    }

    static Map<String, Object> values(PracticeSettings practice, PartnerContact partner, CampaignLinkIssued link) {
        String partnerName = partner == null || partner.name == null ? "" : partner.name;
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("partnerFirstName", Messages.firstName(partnerName));
        values.put("partnerName", partnerName);
        values.put("practiceName", practice.practiceName == null ? "" : practice.practiceName);
        values.put("campaignLink", link.campaignLink());
        values.put("incentive", link.incentiveDescription() == null ? "" : link.incentiveDescription());
        values.put("campaignEnds", CAMPAIGN_ENDS.withZone(zone(practice)).format(link.endsAt()));
        return values;
    }

    private static ZoneId zone(PracticeSettings practice) {
        try {
            return ZoneId.of(practice.timeZone == null ? "UTC" : practice.timeZone);
        } catch (DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }

    private static String limit(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }
}
