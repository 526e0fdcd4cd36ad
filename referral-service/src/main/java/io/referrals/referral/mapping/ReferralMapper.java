package io.referrals.referral.mapping;

import io.referrals.events.Money;
import io.referrals.events.referral.ReferralClosed;
import io.referrals.events.referral.ReferralConverted;
import io.referrals.events.referral.ReferralReceived;
import io.referrals.events.referral.ReferralStatusChanged;
import io.referrals.events.referral.Referrer;
import io.referrals.referral.entity.ConsentChange;
import io.referrals.referral.entity.Referral;
import io.referrals.events.ReferralStatus;
import io.referrals.referral.entity.StatusChange;
import io.referrals.referral.rest.ConsentChangeView;
import io.referrals.referral.rest.ReferralRequests;
import io.referrals.referral.rest.ReferralView;
import io.referrals.referral.rest.StatusChangeView;
import java.math.RoundingMode;
import java.time.Instant;

public final class ReferralMapper {
    private ReferralMapper() {
    }

    public static ReferralView toView(Referral r) {
        return new ReferralView(r.id, r.partnerId, r.referrerName,
                new ReferralRequests.ReferredPerson(r.referredName, r.referredEmail, r.referredPhone), r.note,
                r.consent, r.status, r.programValue == null ? null : r.programValue.setScale(2, RoundingMode.UNNECESSARY),
                r.currency, r.receivedAt, r.convertedAt, r.possibleDuplicateOf,
                r.firstContactDueAt, r.firstContactedAt, isOverdue(r, Instant.now()));
    }

    /** Still received after the first-contact deadline. */
    public static boolean isOverdue(Referral r, Instant now) {
        return r.status == ReferralStatus.RECEIVED && r.firstContactDueAt != null && now.isAfter(r.firstContactDueAt);
    }

    public static StatusChangeView toView(StatusChange c) {
        return new StatusChangeView(c.fromStatus, c.toStatus, c.note, c.changedAt);
    }

    public static ConsentChangeView toView(ConsentChange c) {
        return new ConsentChangeView(c.consent, c.note, c.changedAt);
    }

    /** Carries the current consent; never the referred person's contact details nor the practice's note. */
    public static ReferralStatusChanged toStatusChanged(Referral r, ReferralStatus from, Instant at) {
        return new ReferralStatusChanged(r.id, r.partnerId, from, r.status, r.consent, at);
    }

    public static ReferralClosed toClosed(Referral r, Instant closedAt) {
        return new ReferralClosed(r.id, r.partnerId, r.status, r.consent, r.receivedAt, closedAt);
    }


    /** The event names the referred person but carries none of their contact details. */
    public static ReferralReceived toReceived(Referral r) {
        return new ReferralReceived(r.id, new Referrer(r.partnerId, r.referrerName, r.referrerEmail), r.referredName,
                r.consent, r.receivedAt);
    }

    public static ReferralConverted toConverted(Referral r) {
        return new ReferralConverted(r.id, r.partnerId, new Money(r.programValue, r.currency), r.receivedAt,
                r.convertedAt);
    }
}
