package io.referrals.notification.entity;

import java.util.UUID;

/**
 * A message was queued for sending: fired in the queuing transaction, observed after its commit by the sender, which
 * then sends without waiting for its poll.
 */
public record NotificationQueued(UUID notificationId) {}
