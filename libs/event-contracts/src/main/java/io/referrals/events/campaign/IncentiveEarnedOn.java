package io.referrals.events.campaign;

import io.referrals.events.WireEnum;

/** What earns a partner a campaign's incentive. */
public enum IncentiveEarnedOn implements WireEnum {
    /** Each referral attributed to the campaign (a thank-you gift for the introduction). */
    REFERRAL,
    /** Each attributed referral that becomes a client. */
    CONVERSION
}
