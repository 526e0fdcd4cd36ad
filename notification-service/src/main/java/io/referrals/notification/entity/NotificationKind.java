package io.referrals.notification.entity;

import io.referrals.events.WireEnum;

public enum NotificationKind implements WireEnum {
    /** Thanks to the referrer for an introduction, converted or not. */
    REFERRAL_THANK_YOU
}
