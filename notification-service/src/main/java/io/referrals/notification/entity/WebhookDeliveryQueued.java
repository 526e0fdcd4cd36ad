package io.referrals.notification.entity;

import java.util.UUID;

/**
 * A delivery was recorded for this subscription: fired in the recording transaction, observed after its commit by
 * the dispatcher, which then sends without waiting for its poll.
 */
public record WebhookDeliveryQueued(UUID subscriptionId) {}
