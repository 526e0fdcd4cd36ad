package io.referrals.referral.mapping;

import io.referrals.events.Consent;
import io.referrals.events.Money;
import io.referrals.events.ReferralStatus;
import io.referrals.events.referral.ReferralAttributed;
import io.referrals.events.referral.ReferralClosed;
import io.referrals.events.referral.ReferralConsentChanged;
import io.referrals.events.referral.ReferralConverted;
import io.referrals.events.referral.ReferralReceived;
import io.referrals.events.referral.ReferralStatusChanged;
import io.referrals.events.referral.Referrer;
import io.referrals.referral.entity.Referral;
import java.time.Instant;

/** Referrals as the events announce them. */
public final class ReferralMapper {
    private ReferralMapper() {}

    /** Carries the current consent; never the referred person's contact details nor the practice's note. */
    public static ReferralStatusChanged toStatusChanged(Referral r, ReferralStatus from, Instant at) {
        return new ReferralStatusChanged(r.id, creditedPartner(r), from, r.status, r.consent, at);
    }

    /** The consent before and after; never the practice's note about the change. */
    public static ReferralConsentChanged toConsentChanged(Referral r, Consent from, Instant at) {
        return new ReferralConsentChanged(r.id, creditedPartner(r), from, r.consent, at);
    }

    public static ReferralClosed toClosed(Referral r, Instant closedAt) {
        return new ReferralClosed(r.id, creditedPartner(r), r.status, r.consent, r.receivedAt, closedAt);
    }

    /**
     * Carries none of the referred person's contact details, and their name only when their consent allows naming
     * them to the referrer: the event reaches three consumers, the topic's whole history and dead-letter topics.
     */
    public static ReferralReceived toReceived(Referral r) {
        return toReceived(r, null);
    }

    /** With the referral's booking link (issue 30): the practice's booking page and its code; null without one. */
    public static ReferralReceived toReceived(Referral r, String bookingLink) {
        boolean credited = creditedPartner(r) != null;
        return new ReferralReceived(
                r.id,
                credited
                        ? new Referrer(r.partnerId, r.referrerName, r.referrerEmail)
                        : new Referrer(null, r.referrerName, null),
                ReferralReceived.mayName(r.consent) ? r.referredName : null,
                r.consent,
                r.receivedAt,
                r.channel,
                r.firstContactDueAt,
                credited ? null : ReferralReceived.UNVERIFIED,
                bookingLink);
    }

    /** The practice confirmed the attribution: the partner is credited with the referral from now on. */
    public static ReferralAttributed toAttributed(Referral r, Instant at) {
        return new ReferralAttributed(r.id, new Referrer(r.partnerId, r.referrerName, r.referrerEmail), at);
    }

    /**
     * The partner the events credit with the referral: none while its attribution is unverified or once it was
     * rejected, so that no consumer counts, thanks or flags a partner the practice has not stood behind.
     */
    static java.util.UUID creditedPartner(Referral r) {
        return r.attribution.earnsFees() ? r.partnerId : null;
    }

    public static ReferralConverted toConverted(Referral r) {
        return new ReferralConverted(
                r.id, creditedPartner(r), new Money(r.programValue, r.currency), r.receivedAt, r.convertedAt);
    }
}
