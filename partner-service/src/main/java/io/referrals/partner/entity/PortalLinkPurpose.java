package io.referrals.partner.entity;

import io.referrals.events.WireEnum;

/** Why a sign-in link was sent: the practice's invitation, or the partner asking to sign in. */
public enum PortalLinkPurpose implements WireEnum {
    INVITATION,
    SIGN_IN
}
