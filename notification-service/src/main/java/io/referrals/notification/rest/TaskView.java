package io.referrals.notification.rest;

import io.referrals.notification.entity.Task;
import io.referrals.notification.entity.TaskKind;
import io.referrals.notification.entity.TaskStatus;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Task")
public record TaskView(
        UUID id,
        @Schema(example = "first_contact") TaskKind kind,
        @Schema(example = "open") TaskStatus status,

        @Schema(example = "Contact Riley Moss, referred by Jordan Blake")
        String title,

        UUID partnerId,
        UUID referralId,

        @Schema(description = "The message a review_draft or personal_follow_up task is about")
        UUID notificationId,

        Instant dueAt,
        @Schema(description = "Open and past its due date") boolean overdue,
        Instant snoozedUntil,
        Instant createdAt,
        Instant closedAt,
        @Schema(example = "referral contacted") String closedReason) {

    public static TaskView of(Task t, Instant now) {
        return new TaskView(
                t.id,
                t.kind,
                t.status,
                t.title,
                t.partnerId,
                t.referralId,
                t.notificationId,
                t.dueAt,
                t.overdue(now),
                t.snoozedUntil,
                t.createdAt,
                t.closedAt,
                t.closedReason);
    }
}
