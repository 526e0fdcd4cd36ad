package io.referrals.events.notification;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * v1: notification-service delivered a message to the SMTP server. {@code kind} is the message's kind as its API
 * writes it ({@link #THANK_YOU}, {@code contact_made_update}, {@code outcome_update} ...); {@code referralId} is set
 * for messages about a referral; {@code partnerId} is null for a message to the practice itself (its daily
 * digest). Names neither the recipient's address nor the message's text.
 */
public record NotificationSent(UUID notificationId, String kind, UUID partnerId, UUID referralId, Instant sentAt) {
    /** The kind of a thank-you to a referrer, which partner-service logs as a thank_you touchpoint. */
    public static final String THANK_YOU = "referral_thank_you";

    public NotificationSent {
        Objects.requireNonNull(notificationId, "notificationId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sentAt, "sentAt");
    }

    public boolean isThankYou() {
        return THANK_YOU.equals(kind) && partnerId != null;
    }
}
