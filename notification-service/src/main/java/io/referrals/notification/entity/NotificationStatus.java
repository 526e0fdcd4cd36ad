package io.referrals.notification.entity;

import io.referrals.events.WireEnum;

/** drafted -> queued -> sent | failed; a draft can be dismissed; consent or an unsubscribe can stop a message. */
public enum NotificationStatus implements WireEnum {
    /** Waiting for the practice to review, edit and send it. */
    DRAFTED,
    /** Waiting for the sender: now, or after a pause following a failed attempt. */
    QUEUED,
    /** Accepted by the SMTP server. */
    SENT,
    /** Not accepted within 24 hours of attempts; {@code lastError} says why. */
    FAILED,
    /** The practice decided not to send it. */
    DISMISSED,
    /** The referred person's consent no longer allows it. */
    WITHDRAWN,
    /** Not emailed: the partner unsubscribed or has no address; a task asks the practice to say it in person. */
    SUPPRESSED;

    public boolean isUnsent() {
        return this == DRAFTED || this == QUEUED;
    }
}
