package io.referrals.referral.rest;

import io.referrals.referral.service.portal.PortalGivenReferral;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "PortalGivenReferral",
        description = "A referral the practice gave the signed-in partner: when, and what the person needed. No name "
                + "and no contact detail: the partner had those from the practice directly.")
public record PortalGivenReferralView(
        UUID id,
        @Schema(example = "2026-11-20") LocalDate givenOn,

        @Schema(example = "Couples therapy", nullable = true)
        String need) {

    public static PortalGivenReferralView of(PortalGivenReferral given) {
        return new PortalGivenReferralView(given.id(), given.givenOn(), given.need());
    }
}
