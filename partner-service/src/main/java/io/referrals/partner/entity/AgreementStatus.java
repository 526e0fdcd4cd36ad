package io.referrals.partner.entity;

import io.referrals.events.WireEnum;

/** An agreement is active until a newer one supersedes it or the practice ends it. */
public enum AgreementStatus implements WireEnum {
    ACTIVE,
    SUPERSEDED,
    ENDED
}
