package io.referrals.notification.entity;

import io.referrals.events.WireEnum;

public enum TaskStatus implements WireEnum {
    OPEN,
    /** Marked done by the practice. */
    DONE,
    /** Closed by an event: the referral was contacted, the draft sent, the partner touched or reactivated. */
    CLOSED
}
