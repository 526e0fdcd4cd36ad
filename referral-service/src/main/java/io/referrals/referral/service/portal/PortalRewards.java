package io.referrals.referral.service.portal;

import io.referrals.platform.page.Page;
import io.referrals.platform.page.Paging;
import io.referrals.platform.portal.PortalSessions;
import io.referrals.platform.problem.ProblemException;
import io.referrals.referral.entity.AgreementTerms;
import io.referrals.referral.entity.AgreementTermsRepository;
import io.referrals.referral.entity.Reward;
import io.referrals.referral.entity.RewardRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * The signed-in partner's rewards: fees and non-cash thank-yous whose beneficiary is the partner (a discount for the
 * referred client is not theirs), each with its agreement's terms. Only those of referrals whose person allowed the
 * outcome to be shared: a reward follows a conversion, so listing one under a narrower consent would tell the partner
 * what the person did not allow. The practice settles those with the partner directly.
 */
@ApplicationScoped
public class PortalRewards {

    @Inject
    RewardRepository rewards;

    @Inject
    AgreementTermsRepository agreements;

    @Inject
    PortalAccess access;

    public Page<PortalReward> list(PortalSessions.Session session, Paging paging) {
        access.require(session);
        return rewards.listSharedWith(session.tenantId(), session.partnerId(), paging)
                .map(reward -> withTerms(session, reward));
    }

    /** One of them; another partner's, another practice's or one the partner may not see is a 404. */
    public PortalReward get(PortalSessions.Session session, UUID id) {
        access.require(session);
        return rewards.findSharedWith(session.tenantId(), session.partnerId(), id)
                .map(reward -> withTerms(session, reward))
                .orElseThrow(() -> ProblemException.notFound("Reward", id));
    }

    private PortalReward withTerms(PortalSessions.Session session, Reward reward) {
        AgreementTerms terms = reward.agreementId == null
                ? null
                : agreements
                        .findInTenant(session.tenantId(), reward.agreementId)
                        .orElse(null);
        return PortalReward.of(reward, terms);
    }
}
