package io.referrals.notification.entity;

import io.referrals.events.WireEnum;

/** Where one event's delivery to one subscription stands. */
public enum DeliveryStatus implements WireEnum {
    /** Waiting for its next attempt (or being sent now). */
    PENDING,
    /** The endpoint answered 2xx. */
    DELIVERED,
    /** Given up: retried for the whole retry window, or the subscription was disabled. */
    FAILED
}
