package io.referrals.events.campaign;

import io.referrals.events.WireEnum;

/** When a campaign asks a partner. */
public enum CampaignTrigger implements WireEnum {
    /** Every partner of the audience, once, when the campaign starts. */
    START,
    /**
     * A partner of the audience each time the practice records that the person they referred, converted, was pleased
     * ({@code referral.pleased-check-in-answered} with {@code pleased: true}): "strike while the iron is hot".
     */
    PLEASED_CHECK_IN
}
