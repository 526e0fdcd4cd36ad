package io.referrals.partner.entity;

import io.referrals.events.WireEnum;

/** What an item of the introduction kit is. */
public enum KitItemKind implements WireEnum {
    SUCCESS_STORY,
    SCRIPT,
    INTRO_EMAIL
}
