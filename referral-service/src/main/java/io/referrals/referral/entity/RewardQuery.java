package io.referrals.referral.entity;

import java.util.UUID;

/** What narrows the reward list; every criterion is optional. */
public record RewardQuery(UUID partnerId, UUID referralId, Reward.Status status) {}
