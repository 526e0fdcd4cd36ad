package io.referrals.partner.entity;

import io.referrals.events.WireEnum;

/** Ways a partner works with the practice; a partner may have several. */
public enum AllianceType implements WireEnum {
    REFERRAL,
    PROMOTIONAL,
    COLLABORATION,
    EXTENSION,
    EXPERT_TEAM_MEMBER,
    JOINT_VENTURE
}
