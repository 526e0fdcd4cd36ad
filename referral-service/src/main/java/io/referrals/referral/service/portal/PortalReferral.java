package io.referrals.referral.service.portal;

import io.referrals.events.Consent;
import io.referrals.events.ReferralStatus;
import io.referrals.events.WireEnum;
import io.referrals.referral.entity.Referral;
import java.time.Instant;
import java.util.UUID;

/**
 * A referral as the partner who made it sees it in the portal: when, and how far it went only as far as the referred
 * person's consent allows. {@code none}: received, nothing more; {@code contact_made}: also whether the practice made
 * contact; {@code outcome}: also converted or closed, and the person's first name. Never a contact detail, a note or
 * a value.
 */
public record PortalReferral(UUID id, Instant receivedAt, Progress progress, String firstName, String bookingLink) {

    /** How far the referral went, as far as the partner may know. */
    public enum Progress implements WireEnum {
        /** Received; with consent {@code none}, all the partner ever learns. */
        RECEIVED,
        /** The practice made contact (consent {@code contact_made} or more). */
        CONTACTED,
        /** The person became a client (consent {@code outcome}). */
        CONVERTED,
        /** It ended without a conversion (consent {@code outcome}). */
        CLOSED
    }

    public static PortalReferral of(Referral referral) {
        return of(referral, null);
    }

    /**
     * With the referral's booking link (issue 30), which carries no personal data: the partner may pass it on to the
     * person they referred. Null while the practice has no booking integration.
     */
    public static PortalReferral of(Referral referral, String bookingLink) {
        Consent consent = referral.consent;
        boolean outcomeAllowed = consent.allows(Consent.OUTCOME);
        return new PortalReferral(
                referral.id,
                referral.receivedAt,
                progress(consent, referral.status, referral.firstContactedAt != null),
                outcomeAllowed ? firstName(referral.referredName) : null,
                bookingLink);
    }

    static Progress progress(Consent consent, ReferralStatus status, boolean contacted) {
        if (consent.allows(Consent.OUTCOME) && !status.isOpen()) {
            return status == ReferralStatus.CONVERTED ? Progress.CONVERTED : Progress.CLOSED;
        }
        if (consent.allows(Consent.CONTACT_MADE) && contacted) {
            return Progress.CONTACTED;
        }
        return Progress.RECEIVED;
    }

    /** The first word of the name as given: a partner knows whom they referred, and learns nothing they did not. */
    static String firstName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return name.strip().split("\\s+", 2)[0];
    }
}
