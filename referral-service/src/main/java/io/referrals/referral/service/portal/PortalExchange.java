package io.referrals.referral.service.portal;

import io.referrals.events.Money;
import io.referrals.platform.page.Page;
import io.referrals.platform.page.Paging;
import io.referrals.platform.portal.PortalSessions;
import io.referrals.referral.entity.GivenReferralRepository;
import io.referrals.referral.entity.ReferralRepository;
import io.referrals.referral.entity.Reward;
import io.referrals.referral.entity.RewardRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.RoundingMode;
import java.util.List;

/**
 * "To get referrals, give referrals": what the practice gave the signed-in partner, and the balance both ways. The
 * counts and sums hold only what the partner may see elsewhere in the portal (a conversion or a fee of a referral
 * whose person did not allow the outcome to be shared is not counted), so that the totals tell nothing the lists
 * keep back.
 */
@ApplicationScoped
public class PortalExchange {

    @Inject
    GivenReferralRepository given;

    @Inject
    ReferralRepository referrals;

    @Inject
    RewardRepository rewards;

    @Inject
    PortalAccess access;

    /** Newest first. */
    public Page<PortalGivenReferral> given(PortalSessions.Session session, Paging paging) {
        access.require(session);
        return given.list(session.tenantId(), session.partnerId(), paging).map(PortalGivenReferral::of);
    }

    public PortalBalance balance(PortalSessions.Session session) {
        access.require(session);
        String tenantId = session.tenantId();
        var partnerId = session.partnerId();
        List<RewardRepository.Total> totals = rewards.cashTotalsSharedWith(tenantId, partnerId);
        return new PortalBalance(
                referrals.countAttributedTo(tenantId, partnerId),
                given.countGivenTo(tenantId, partnerId),
                referrals.countConvertedAndSharedWith(tenantId, partnerId),
                sums(totals, Reward.Status.OWED),
                sums(totals, Reward.Status.PAID));
    }

    private static List<Money> sums(List<RewardRepository.Total> totals, Reward.Status status) {
        return totals.stream()
                .filter(total -> total.status() == status)
                .map(total -> new Money(total.amount().setScale(2, RoundingMode.HALF_EVEN), total.currency()))
                .toList();
    }
}
