package io.referrals.notification.entity;

import io.referrals.events.WireEnum;

/** How a subscription was made: by the practice ({@code webhook}) or by an integration ({@code zapier} REST hook). */
public enum SubscriptionKind implements WireEnum {
    WEBHOOK,
    ZAPIER
}
