package io.referrals.notification.rest;

import io.referrals.notification.entity.Notification;
import io.referrals.notification.entity.NotificationKind;
import io.referrals.notification.entity.NotificationStatus;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Notification")
public record NotificationView(
        UUID id,
        @Schema(example = "referral_thank_you") NotificationKind kind,
        @Schema(example = "drafted") NotificationStatus status,
        UUID partnerId,
        @Schema(example = "Dana Lee") String recipientName,
        @Schema(example = "dana@leecounseling.example") String recipientEmail,
        UUID referralId,
        @Schema(example = "Thank you for your referral") String subject,
        @Schema(description = "The text part") String body,

        @Schema(description = "The HTML part: the text with every value escaped")
        String htmlBody,

        @Schema(
                description = "The SMTP Message-ID, fixed when the message was written",
                example = "<8d0c…@notifications.referrals.local>")
        String messageId,

        @Schema(description = "Whether the practice edited the draft")
        boolean edited,

        @Schema(description = "Delivery attempts so far", example = "1")
        int attempts,

        @Schema(description = "When the sender tries a queued message next")
        Instant nextAttemptAt,

        Instant sentAt,

        @Schema(
                description = "Why the last attempt failed, or why it was not sent",
                example = "ConnectException: Connection refused")
        String lastError,

        Instant createdAt,
        Instant updatedAt,

        @Schema(description = "A campaign ask's campaign; null for every other kind")
        UUID campaignId,

        @Schema(description = "The campaign variant the partner was assigned (campaign asks only)", example = "a")
        String variant) {

    public static NotificationView of(Notification n) {
        return new NotificationView(
                n.id,
                n.kind,
                n.status,
                n.partnerId,
                n.recipientName,
                n.recipientEmail,
                n.referralId,
                n.subject,
                n.body,
                n.htmlBody,
                n.messageId,
                n.edited,
                n.attempts,
                n.nextAttemptAt,
                n.sentAt,
                n.lastError,
                n.createdAt,
                n.updatedAt,
                n.campaignId,
                n.variant);
    }
}
