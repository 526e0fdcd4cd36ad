package io.referrals.referral.service;

/** The Standard Webhooks headers of an intake request as sent: {@code webhook-id}, -timestamp and -signature. */
public record WebhookHeaders(String id, String timestamp, String signature) {

    public boolean isComplete() {
        return !isBlank(id) && !isBlank(timestamp) && !isBlank(signature);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
