package io.referrals.notification.entity;

import io.referrals.events.WireEnum;

public enum NotificationStatus implements WireEnum {
    /** Drafted for the practice to review and send personally. */
    PENDING
}
