package io.referrals.referral.rest;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "PersonData",
        description = "Everything referral-service holds about one referred person. Other services answer for their "
                + "own data: notification-service at GET /api/people?referralId=… with these referrals' ids; "
                + "partner-service and metrics-service hold no referred person's data.")
public record PersonDataView(
        @Schema(example = "referral-service") String service,
        List<PersonReferral> referrals,
        List<GivenReferralView> givenReferrals,

        @Schema(
                description = "Consultations booked in the practice's scheduling tool: matched to one of these "
                        + "referrals, or made with this email")
        List<BookingView> bookings) {

    @Schema(name = "PersonReferral", description = "One referral of the person, with its status and consent history")
    public record PersonReferral(
            ReferralView referral, List<StatusChangeView> statusHistory, List<ConsentChangeView> consentHistory) {}

    @Schema(name = "PersonErasureResult", description = "What the erasure changed; empty lists when nothing was left")
    public record ErasureView(
            List<UUID> erasedReferralIds,
            List<UUID> erasedGivenReferralIds,

            @Schema(description = "Bookings whose attendee name and email were erased")
            List<UUID> erasedBookingIds) {}
}
