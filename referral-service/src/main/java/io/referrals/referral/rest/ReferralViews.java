package io.referrals.referral.rest;

import io.referrals.referral.entity.Referral;
import io.referrals.referral.service.BookingLinks;
import io.referrals.referral.service.BookingService;
import io.referrals.referral.service.ReferralCommands;
import io.referrals.referral.service.ReferralLifecycle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.RoundingMode;
import java.time.Clock;

/** Referrals as the API shows them; whether one is overdue is judged by the clock at the time of the answer. */
@ApplicationScoped
public class ReferralViews {

    @Inject
    Clock clock;

    @Inject
    BookingLinks bookingLinks;

    @Inject
    BookingService bookings;

    public ReferralView of(Referral r) {
        return new ReferralView(
                r.id,
                r.partnerId,
                r.referrerName,
                new ReferralCommands.ReferredPerson(r.referredName, r.referredEmail, r.referredPhone),
                r.note,
                r.consent,
                r.status,
                ReferralLifecycle.allowedFrom(r.status),
                r.programValue == null ? null : r.programValue.setScale(2, RoundingMode.UNNECESSARY),
                r.currency,
                r.receivedAt,
                r.convertedAt,
                r.possibleDuplicateOf,
                r.firstContactDueAt,
                r.firstContactedAt,
                r.isOverdueAt(clock.instant()),
                r.attribution,
                r.channel,
                r.campaignId == null
                        ? null
                        : new ReferralView.CampaignView(r.campaignId, r.campaignVariant, r.campaignVia),
                r.pleased,
                r.pleasedAnsweredAt,
                r.bookingCode,
                bookingLinks.linkFor(r),
                r.consultationAt,
                bookings.newestOf(r)
                        .map(b -> new ReferralView.BookingSummary(b.id, b.provider, b.status, b.startsAt))
                        .orElse(null));
    }
}
