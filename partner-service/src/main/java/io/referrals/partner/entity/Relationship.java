package io.referrals.partner.entity;

import io.referrals.events.WireEnum;

/** What a partner is to the practice: a source until an agreement is active, then a partner. */
public enum Relationship implements WireEnum {
    SOURCE,
    PARTNER
}
