package io.referrals.referral.rest;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.referrals.events.Consent;
import io.referrals.events.ReferralChannel;
import io.referrals.events.ReferralStatus;
import io.referrals.events.booking.BookingProvider;
import io.referrals.events.campaign.CampaignAttribution;
import io.referrals.referral.entity.Booking;
import io.referrals.referral.entity.Referral;
import io.referrals.referral.service.ReferralCommands;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Referral")
public record ReferralView(
        UUID id,
        UUID partnerId,
        @Schema(example = "Dana Lee") String referrerName,
        ReferralCommands.ReferredPerson referred,
        String note,
        @Schema(example = "outcome") Consent consent,
        @Schema(example = "received") ReferralStatus status,

        @Schema(
                description = "The statuses this referral may move to from its status (POST "
                        + "/api/referrals/{id}/status; converted also through /conversion); empty once final",
                example = "[\"contacted\", \"consultation_booked\", \"converted\", \"not_a_fit\", "
                        + "\"declined\", \"no_response\"]")
        List<ReferralStatus> allowedStatuses,

        @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING, example = "1500.00")
        BigDecimal programValue,

        @Schema(example = "USD") String currency,
        Instant receivedAt,
        Instant convertedAt,

        @Schema(
                description = "A referral of the same practice received within the 30 days before this one with the "
                        + "same email (any case) or phone (same digits). This referral is recorded all the same.",
                example = "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b")
        UUID possibleDuplicateOf,

        @Schema(
                description = "When the practice should have first contacted the person: received plus the "
                        + "practice's firstContactHours",
                example = "2026-11-25T09:30:00Z")
        Instant firstContactDueAt,

        @Schema(description = "When the referral first left received", example = "2026-11-23T14:05:00Z")
        Instant firstContactedAt,

        @Schema(description = "Still received after firstContactDueAt", example = "false")
        boolean overdue,

        @Schema(
                description = "verified (named by the practice or by a link bound to the partner), unverified (a "
                        + "public intake request named a known partner's email; no fee is owed until the practice "
                        + "confirms it with PUT /api/referrals/{id}/attribution), confirmed or rejected",
                example = "verified")
        Referral.Attribution attribution,

        @Schema(
                description = "How it reached the practice: api (recorded by the practice or an integration), "
                        + "intake_link (a form or Zap posting to an intake link) or portal (the partner, signed in)",
                example = "portal")
        ReferralChannel channel,

        @Schema(
                description = "The campaign this referral counts for (issue 29), null when none: through the ask's "
                        + "campaign link, or from an asked partner by another channel inside the campaign's window",
                nullable = true)
        CampaignView campaign,

        @Schema(
                description = "The answer to the converted referral's pleased check-in (POST "
                        + "/api/referrals/{id}/pleased-check-in); null until answered",
                nullable = true,
                example = "true")
        Boolean pleased,

        @Schema(description = "When the pleased check-in was answered", nullable = true)
        Instant pleasedAnsweredAt,

        @Schema(
                description = "The code the referral's booking link carries (10 characters, Crockford base32), by "
                        + "which a booking made through the link is matched back to it",
                example = "R7K2M9Q4TX")
        String bookingCode,

        @Schema(
                description = "The practice's booking page with this referral's code attached, to send to the "
                        + "referred person; null while the practice has no booking integration",
                nullable = true,
                example = "https://cal.com/your-practice/consultation?metadata%5Bref%5D=R7K2M9Q4TX")
        String bookingLink,

        @Schema(
                description = "When the consultation currently booked for it starts; null when none is (or it was "
                        + "cancelled)",
                nullable = true)
        Instant consultationAt,

        @Schema(description = "The newest booking matched to this referral, if any", nullable = true)
        BookingSummary booking) {

    @Schema(name = "ReferralBooking", description = "A booking matched to a referral, in short")
    public record BookingSummary(
            UUID id,
            @Schema(example = "calcom") BookingProvider provider,

            @Schema(description = "booked, cancelled or no_show", example = "booked")
            Booking.Status status,

            Instant startsAt) {}

    @Schema(name = "ReferralCampaign", description = "The campaign and variant a referral is attributed to")
    public record CampaignView(
            UUID campaignId,
            @Schema(example = "b") String variant,

            @Schema(
                    description = "campaign_link: it came through the ask's own link; other_channel: an asked "
                            + "partner's referral by the API, the portal or another link, inside the window",
                    example = "campaign_link")
            CampaignAttribution via) {}
}
