package io.referrals.partner.entity;

import io.referrals.events.WireEnum;

/** How the partner agreed to the terms. */
public enum SignedVia implements WireEnum {
    /** A summary of the terms sent by email and confirmed. */
    EMAIL_SUMMARY,
    SIGNED_DOCUMENT
}
