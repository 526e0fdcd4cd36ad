package io.referrals.referral.rest;

import io.referrals.platform.page.Page;
import io.referrals.referral.entity.Booking;
import io.referrals.referral.entity.Referral;
import io.referrals.referral.service.BookingLinks;
import io.referrals.referral.service.BookingService;
import io.referrals.referral.service.ReferralCommands;
import io.referrals.referral.service.ReferralLifecycle;
import io.referrals.referral.service.ReferralService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

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
        return of(r, bookingLinks.linkFor(r), bookings.newestOf(r).orElse(null));
    }

    /** A referral just recorded: its booking link as recorded, and no booking yet (none can name it before it exists). */
    public ReferralView ofReceived(ReferralService.Received received) {
        return of(received.referral(), received.bookingLink(), null);
    }

    /** A page of referrals, the practice's booking integration and the referrals' bookings read once for all. */
    public Page<ReferralView> page(String tenantId, Page<Referral> page) {
        Function<Referral, String> links = bookingLinks.linkerFor(tenantId);
        Map<UUID, Booking> newest =
                bookings.newestOf(tenantId, page.items().stream().map(r -> r.id).toList());
        return page.map(r -> of(r, links.apply(r), newest.get(r.id)));
    }

    private ReferralView of(Referral r, String bookingLink, Booking newestBooking) {
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
                bookingLink,
                r.consultationAt,
                newestBooking == null
                        ? null
                        : new ReferralView.BookingSummary(
                                newestBooking.id,
                                newestBooking.provider,
                                newestBooking.status,
                                newestBooking.startsAt));
    }
}
