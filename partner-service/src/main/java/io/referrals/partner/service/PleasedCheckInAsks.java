package io.referrals.partner.service;

import io.referrals.events.CloudEvent;
import io.referrals.events.EventTypes;
import io.referrals.events.campaign.CampaignTrigger;
import io.referrals.events.campaign.ReferralPleasedCheckInAnswered;
import io.referrals.partner.entity.Campaign;
import io.referrals.partner.entity.CampaignAssignment;
import io.referrals.partner.entity.CampaignAssignmentRepository;
import io.referrals.partner.entity.CampaignAudienceRepository;
import io.referrals.partner.entity.CampaignRepository;
import io.referrals.partner.mapping.CampaignMapper;
import io.referrals.platform.outbox.Outbox;
import io.referrals.platform.persistence.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * "Strike while the iron is hot": a converted referral whose pleased check-in says yes asks its partner again, in each
 * running pleased_check_in campaign whose audience holds the partner, unless another overlapping campaign already
 * assigned them (the overlap rule). At most one ask per campaign and triggering referral: a second pleased answer, or
 * the event delivered twice, asks nothing more. The partner's variant is their sticky one (seed and id).
 */
@ApplicationScoped
public class PleasedCheckInAsks {
    @Inject
    CampaignRepository campaigns;

    @Inject
    CampaignAssignmentRepository assignments;

    @Inject
    CampaignAudienceRepository audiences;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** Runs in the consumer's transaction, which holds the practice's lock, as every change of campaigns does. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onAnswered(CloudEvent event, ReferralPleasedCheckInAnswered data) {
        if (!data.pleased()) {
            return;
        }
        String tenantId = event.tenantid();
        Instant now = Timestamps.now(clock);
        for (Campaign campaign : campaigns.runningTriggeredBy(tenantId, CampaignTrigger.PLEASED_CHECK_IN, now)) {
            if (assignments.existsForTrigger(campaign.id, data.referralId())) {
                continue;
            }
            List<CampaignAudienceRepository.Member> member = audiences.members(
                    tenantId, campaign.audience(), campaign.id, campaign.startsAt, campaign.endsAt, data.partnerId());
            if (member.isEmpty() || member.get(0).excluded()) {
                continue;
            }
            CampaignAssignment assignment = new CampaignAssignment(
                    tenantId,
                    campaign.id,
                    data.partnerId(),
                    VariantAssignment.variantFor(campaign.seed, data.partnerId(), CampaignService.weights(campaign)),
                    now,
                    data.referralId());
            assignments.insertAll(List.of(assignment));
            outbox.publish(
                    EventTypes.CAMPAIGN_ASK_ASSIGNED, tenantId, campaign.id, CampaignMapper.toAskAssigned(assignment));
        }
    }
}
