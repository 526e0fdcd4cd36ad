package io.referrals.events.booking;

import io.referrals.events.WireEnum;

/** The scheduling tool a practice connected (issue 30). */
public enum BookingProvider implements WireEnum {
    /** Cal.com: webhooks signed with {@code X-Cal-Signature-256}. */
    CALCOM,
    /** Calendly: webhooks signed with {@code Calendly-Webhook-Signature}. */
    CALENDLY
}
