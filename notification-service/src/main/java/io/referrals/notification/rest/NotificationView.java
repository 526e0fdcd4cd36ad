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
        @Schema(example = "pending") NotificationStatus status,
        UUID partnerId,
        @Schema(example = "Dana Lee") String recipientName,
        @Schema(example = "dana@leecounseling.example") String recipientEmail,
        UUID referralId,
        @Schema(example = "Thank you for your referral") String subject,
        String body,
        Instant createdAt) {

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
                n.createdAt);
    }
}
