package io.referrals.notification.service.person;

import io.referrals.events.CloudEvent;
import io.referrals.events.ReferralStatus;
import io.referrals.events.referral.PersonErased;
import io.referrals.notification.entity.Notification;
import io.referrals.notification.entity.NotificationKind;
import io.referrals.notification.entity.NotificationRepository;
import io.referrals.notification.entity.NotificationStatus;
import io.referrals.notification.entity.PracticeSettingsRepository;
import io.referrals.notification.entity.ReferralState;
import io.referrals.notification.entity.ReferralStateRepository;
import io.referrals.notification.entity.Task;
import io.referrals.notification.entity.TaskRepository;
import io.referrals.notification.service.followup.BookingFollowUp;
import io.referrals.notification.service.mail.Messages;
import io.referrals.platform.persistence.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A referred person's data in this service: the first name kept for a referral, and the messages and tasks that
 * named them. This service never held their contact details, so it is asked by referral ids (which referral-service's
 * export lists), and erases when referral-service announces PersonErased.
 */
@ApplicationScoped
public class PersonErasure {
    /** What stands in a sent message where the person's name was. */
    static final String ERASED = "(name erased)";

    private static final Set<NotificationStatus> UNSENT =
            EnumSet.of(NotificationStatus.DRAFTED, NotificationStatus.QUEUED);

    @Inject
    ReferralStateRepository referrals;

    @Inject
    NotificationRepository notifications;

    @Inject
    TaskRepository tasks;

    @Inject
    PracticeSettingsRepository settings;

    @Inject
    Messages messages;

    @Inject
    Clock clock;

    /** What this service holds about the referrals of one person. */
    public record PersonData(List<ReferralState> referrals, List<Notification> messages, List<Task> tasks) {}

    @Transactional
    public PersonData export(String tenantId, List<UUID> referralIds) {
        List<ReferralState> known = new ArrayList<>();
        for (UUID id : referralIds) {
            referrals.find(tenantId, id).ifPresent(known::add);
        }
        return new PersonData(known, notifications.about(tenantId, referralIds), tasks.about(tenantId, referralIds));
    }

    /**
     * Drops the person's name from the referral's state, re-renders unsent messages without it (a practice's edits
     * to them go: they may name the person), replaces it in sent ones and retitles tasks. Applying it again changes
     * nothing more.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onPersonErased(CloudEvent event, PersonErased data) {
        String tenantId = event.tenantid();
        Instant now = Timestamps.now(clock);
        for (UUID referralId : data.referralIds()) {
            Optional<ReferralState> known = referrals.lock(tenantId, referralId);
            if (known.isEmpty()) {
                continue;
            }
            ReferralState referral = known.get();
            String name = referral.referredFirstName;
            referral.referredFirstName = "";
            referral.updatedAt = now;
            for (Notification message : notifications.about(tenantId, List.of(referralId))) {
                if (UNSENT.contains(message.status)) {
                    Map<String, Object> extra = message.kind == NotificationKind.OUTCOME_UPDATE
                            ? Map.of(
                                    "converted",
                                    referral.status == ReferralStatus.CONVERTED,
                                    "outcome",
                                    referral.status.json())
                            : Map.of();
                    messages.render(message, settings.of(tenantId, now), Messages.Subject.of(referral, extra));
                } else {
                    message.subject = without(message.subject, name);
                    message.body = without(message.body, name);
                    message.htmlBody = without(message.htmlBody, name);
                }
                message.updatedAt = now;
            }
            for (Task task : tasks.about(tenantId, List.of(referralId))) {
                task.title = switch (task.kind) {
                    case FIRST_CONTACT -> "Contact the person referred by " + referral.referrerName;
                    case PLEASED_CHECK_IN -> "Ask " + referral.referrerName + " whether their referral was pleased";
                    case BOOKING_CANCELLED, BOOKING_NO_SHOW ->
                        without(BookingFollowUp.withoutName(task.title, name), name);
                    default -> without(task.title, name);
                };
            }
        }
    }

    private static String without(String text, String name) {
        if (text == null || name == null || name.isBlank()) {
            return text;
        }
        return Pattern.compile("\\b" + Pattern.quote(name) + "\\b")
                .matcher(text)
                .replaceAll(ERASED);
    }
}
