package io.referrals.partner.entity;

import io.referrals.events.WireEnum;

/** How binding an agreement is: a handshake, written terms, or written terms that pay. */
public enum AgreementKind implements WireEnum {
    INFORMAL,
    FORMAL,
    /** Carries compensation for referrals that convert. */
    INCENTIVIZED
}
