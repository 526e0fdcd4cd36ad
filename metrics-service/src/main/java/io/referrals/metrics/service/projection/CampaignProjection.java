package io.referrals.metrics.service.projection;

import io.referrals.events.CloudEvent;
import io.referrals.events.campaign.CampaignAskSent;
import io.referrals.events.campaign.CampaignEnded;
import io.referrals.events.campaign.CampaignIncentive;
import io.referrals.events.campaign.CampaignStarted;
import io.referrals.events.campaign.CampaignVariant;
import io.referrals.events.campaign.ReferralAttributedToCampaign;
import io.referrals.events.referral.RewardEarned;
import io.referrals.metrics.entity.CampaignRepository;
import io.referrals.platform.persistence.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Campaigns (issue 29): each event stored as its own fact (a campaign and its variants, an ask sent, a referral
 * attributed, a reward earned), so the three topics may arrive in any order; the results are counted when read
 * ({@code CampaignResults}).
 */
@ApplicationScoped
public class CampaignProjection {
    @Inject
    CampaignRepository campaigns;

    @Transactional(Transactional.TxType.MANDATORY)
    public void onStarted(CloudEvent event, CampaignStarted data) {
        campaigns.started(
                event.tenantid(),
                data.campaignId(),
                data.name(),
                data.goal().name(),
                data.trigger().name(),
                Timestamps.stored(data.startsAt()),
                Timestamps.stored(data.endsAt()),
                Timestamps.stored(data.startedAt()),
                data.differenceWorthKnowing());
        int position = 0;
        for (CampaignVariant variant : data.variants()) {
            CampaignIncentive incentive = variant.incentive();
            campaigns.variant(
                    event.tenantid(),
                    data.campaignId(),
                    new CampaignRepository.VariantRow(
                            variant.key(),
                            position++,
                            variant.name(),
                            variant.weight(),
                            incentive == null ? null : incentive.type().name(),
                            incentive == null ? null : incentive.value().amount(),
                            incentive == null ? null : incentive.value().currency(),
                            incentive == null ? null : incentive.description(),
                            incentive == null ? null : incentive.earnedOn().name()));
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onEnded(CloudEvent event, CampaignEnded data) {
        campaigns.ended(event.tenantid(), data.campaignId(), Timestamps.stored(data.endedAt()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onAskSent(CloudEvent event, CampaignAskSent data) {
        campaigns.askSent(
                event.tenantid(),
                data.askId(),
                data.campaignId(),
                data.partnerId(),
                data.variant(),
                Timestamps.stored(data.sentAt()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onAttributed(CloudEvent event, ReferralAttributedToCampaign data) {
        campaigns.attributed(
                event.tenantid(),
                data.referralId(),
                data.campaignId(),
                data.variant(),
                data.partnerId(),
                data.askId(),
                data.via().name(),
                Timestamps.stored(data.receivedAt()),
                Timestamps.stored(data.attributedAt()));
    }

    /** Every reward with its referral: whether it is a campaign's incentive is decided when counting. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onRewardEarned(CloudEvent event, RewardEarned data) {
        campaigns.rewardEarned(
                event.tenantid(),
                data.rewardId(),
                data.referralId(),
                data.partnerId(),
                data.type().name(),
                data.amount() == null ? null : data.amount().amount(),
                data.amount() == null ? null : data.amount().currency());
    }
}
