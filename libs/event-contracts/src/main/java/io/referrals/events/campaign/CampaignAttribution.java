package io.referrals.events.campaign;

import io.referrals.events.WireEnum;

/** How a referral was tied to a campaign. */
public enum CampaignAttribution implements WireEnum {
    /** It came through the ask's campaign link: exactly this campaign and variant. */
    CAMPAIGN_LINK,
    /**
     * It came by another channel (the API, the partner's usual link, the portal) from a partner the campaign had asked,
     * inside the campaign's window: attributed to the ask, but the partner might have referred anyway.
     */
    OTHER_CHANNEL
}
