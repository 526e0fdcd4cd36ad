package io.referrals.referral.rest;

import io.referrals.referral.service.portal.PortalReferral;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "PortalReferral",
        description = "A referral as the partner who made it may see it: how far it went only as far as the referred "
                + "person's consent allows, their first name only under consent outcome, never a contact detail")
public record PortalReferralView(
        UUID id,
        Instant receivedAt,

        @Schema(
                description = "received (all a partner learns under consent none); contacted (consent "
                        + "contact_made or more); converted or closed (consent outcome)",
                example = "contacted")
        PortalReferral.Progress progress,

        @Schema(
                description = "The referred person's first name; null unless their consent is outcome",
                example = "Riley",
                nullable = true)
        String firstName,

        @Schema(
                description = "The practice's booking page with this referral's code attached, to pass on to the "
                        + "person referred so that their booking comes back matched; null while the practice has "
                        + "no booking integration",
                nullable = true,
                example = "https://cal.com/your-practice/consultation?metadata%5Bref%5D=R7K2M9Q4TX")
        String bookingLink) {

    public static PortalReferralView of(PortalReferral referral) {
        return new PortalReferralView(
                referral.id(),
                referral.receivedAt(),
                referral.progress(),
                referral.firstName(),
                referral.bookingLink());
    }
}
