package io.referrals.partner.mapping;

import io.referrals.events.Money;
import io.referrals.events.campaign.CampaignAskAssigned;
import io.referrals.events.campaign.CampaignEnded;
import io.referrals.events.campaign.CampaignIncentive;
import io.referrals.events.campaign.CampaignStarted;
import io.referrals.events.campaign.CampaignVariant;
import io.referrals.partner.entity.Campaign;
import io.referrals.partner.entity.CampaignAssignment;
import io.referrals.partner.entity.CampaignVariantTerms;

/** Campaigns as their events carry them. */
public final class CampaignMapper {
    private CampaignMapper() {}

    public static CampaignStarted toStarted(Campaign c) {
        return new CampaignStarted(
                c.id,
                c.name,
                c.startsAt,
                c.endsAt,
                c.trigger,
                c.goal,
                c.autoSend,
                c.variants.stream().map(CampaignMapper::toVariant).toList(),
                c.startedAt,
                c.differenceWorthKnowing);
    }

    public static CampaignVariant toVariant(CampaignVariantTerms v) {
        return new CampaignVariant(v.key, v.name, v.weight, v.askSubject, v.askBody, toIncentive(v));
    }

    public static CampaignIncentive toIncentive(CampaignVariantTerms v) {
        if (!v.hasIncentive()) {
            return null;
        }
        return new CampaignIncentive(
                v.incentiveType,
                new Money(v.incentiveAmount, v.incentiveCurrency),
                v.incentiveDescription,
                v.incentiveEarnedOn);
    }

    public static CampaignAskAssigned toAskAssigned(CampaignAssignment a) {
        return new CampaignAskAssigned(a.id, a.campaignId, a.partnerId, a.variant, a.assignedAt, a.triggerReferralId);
    }

    public static CampaignEnded toEnded(Campaign c) {
        return new CampaignEnded(c.id, c.endedAt);
    }
}
