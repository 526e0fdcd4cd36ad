package io.referrals.partner.entity;

import io.referrals.events.WireEnum;

/** Where a partner's portal access stands: invited (no sign-in yet), active (signed in once), revoked. */
public enum PortalAccessStatus implements WireEnum {
    INVITED,
    ACTIVE,
    REVOKED
}
