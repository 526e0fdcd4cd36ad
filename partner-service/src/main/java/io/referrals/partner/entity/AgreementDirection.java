package io.referrals.partner.entity;

import io.referrals.events.WireEnum;

/** Whether only the partner refers to the practice, or both refer to each other. */
public enum AgreementDirection implements WireEnum {
    ONE_WAY,
    RECIPROCAL
}
