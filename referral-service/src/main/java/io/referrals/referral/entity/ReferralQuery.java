package io.referrals.referral.entity;

import io.referrals.events.ReferralStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * What narrows the referral list; every criterion is optional. {@code overdue}: true for referrals still received
 * after their first-contact deadline, false for all others.
 */
public record ReferralQuery(
        UUID partnerId,
        ReferralStatus status,
        Boolean overdue,
        Instant receivedFrom,
        Instant receivedTo,
        Referral.Attribution attribution) {}
