package io.referrals.events.referral;

import io.referrals.events.Consent;
import io.referrals.events.ReferralChannel;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * v1: an inbound referral was recorded. Carries the referred person's consent, never their contact details, and their
 * name ({@code referredName}) only when that consent allows naming them to the referrer ({@code contact_made} or
 * wider, see {@link #mayName}); otherwise {@code referredName} is null (events written before this rule may still
 * carry it: consumers apply the same rule when they read it). {@code channel} (null in older events: api) and {@code firstContactDueAt} (the
 * practice's deadline for the first contact; null in older events) were added later, and {@code attribution}
 * ({@link #UNVERIFIED}, with {@code referrer.partnerId} null) in issue 10, and {@code bookingLink} in issue 30: the
 * practice's booking page with this referral's code attached (null when the practice has no booking integration, and
 * in older events) — no personal data, so the referrer may be given it to pass on.
 */
public record ReferralReceived(
        UUID referralId,
        Referrer referrer,
        String referredName,
        Consent consent,
        Instant receivedAt,
        ReferralChannel channel,
        Instant firstContactDueAt,
        String attribution,
        String bookingLink) {
    /**
     * {@code attribution} of a referral whose referrer was matched by email on a public intake link and not yet
     * confirmed by the practice: {@code referrer.partnerId} is null and no consumer credits a partner with it until
     * {@link ReferralAttributed}. Null (older events too): attributed as received.
     */
    public static final String UNVERIFIED = "unverified";

    public ReferralReceived {
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(referrer, "referrer");
        Objects.requireNonNull(consent, "consent");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /** Whether the referral credits nobody yet: its attribution waits for the practice ({@link #UNVERIFIED}). */
    public boolean unverified() {
        return UNVERIFIED.equals(attribution) || referrer.partnerId() == null;
    }

    /** The fields before {@code bookingLink}: no booking link. */
    public ReferralReceived(
            UUID referralId,
            Referrer referrer,
            String referredName,
            Consent consent,
            Instant receivedAt,
            ReferralChannel channel,
            Instant firstContactDueAt,
            String attribution) {
        this(referralId, referrer, referredName, consent, receivedAt, channel, firstContactDueAt, attribution, null);
    }

    /** The fields before {@code attribution}: attributed as received. */
    public ReferralReceived(
            UUID referralId,
            Referrer referrer,
            String referredName,
            Consent consent,
            Instant receivedAt,
            ReferralChannel channel,
            Instant firstContactDueAt) {
        this(referralId, referrer, referredName, consent, receivedAt, channel, firstContactDueAt, null, null);
    }

    /** Whether a referred person who gave this consent may be named to their referrer (and so in this event). */
    public static boolean mayName(Consent consent) {
        return consent != null && consent.allows(Consent.CONTACT_MADE);
    }

    /** The referred person's name as far as the consent allows: null unless {@link #mayName}. */
    public String nameAllowed() {
        return mayName(consent) ? referredName : null;
    }

    /** The fields of the first version. */
    public ReferralReceived(
            UUID referralId, Referrer referrer, String referredName, Consent consent, Instant receivedAt) {
        this(referralId, referrer, referredName, consent, receivedAt, null, null, null, null);
    }
}
