package io.referrals.referral.rest;

import io.referrals.events.Consent;
import io.referrals.referral.entity.ConsentChange;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReferralConsentChange", description = "One dated consent; the first is the one given at receipt")
public record ConsentChangeView(
        @Schema(example = "contact_made") Consent consent,

        @Schema(example = "Happy for Dana to know we spoke.")
        String note,

        @Schema(example = "2026-11-23T14:05:00Z") Instant changedAt) {

    public static ConsentChangeView of(ConsentChange c) {
        return new ConsentChangeView(c.consent, c.note, c.changedAt);
    }
}
