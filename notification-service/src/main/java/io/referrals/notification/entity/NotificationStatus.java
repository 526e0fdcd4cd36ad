package io.referrals.notification.entity;

import com.fasterxml.jackson.annotation.JsonValue;

public enum NotificationStatus {
    /** Drafted for the practice to review and send personally. */
    PENDING("pending");

    private final String json;

    NotificationStatus(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }
}
