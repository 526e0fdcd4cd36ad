package io.referrals.partner.entity;

import io.referrals.events.WireEnum;

/** How the practice was in touch with a partner (the articles' calls, coffee meetings, emails, events, gifts). */
public enum TouchpointKind implements WireEnum {
    CALL,
    MEETING,
    EMAIL,
    EVENT,
    GIFT,
    THANK_YOU,
    OTHER
}
