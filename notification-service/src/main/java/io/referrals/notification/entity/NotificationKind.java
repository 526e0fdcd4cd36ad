package io.referrals.notification.entity;

import com.fasterxml.jackson.annotation.JsonValue;

public enum NotificationKind {
    /** Thanks to the referrer for an introduction, converted or not. */
    REFERRAL_THANK_YOU("referral_thank_you");

    private final String json;

    NotificationKind(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }
}
