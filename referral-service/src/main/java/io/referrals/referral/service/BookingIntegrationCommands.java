package io.referrals.referral.service;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the booking integration API asks of {@link BookingIntegrationService}; the request bodies are these records. */
public final class BookingIntegrationCommands {
    private BookingIntegrationCommands() {}

    @Schema(
            name = "ConnectBookingIntegration",
            description = "Connects the practice's scheduling tool. Calendly: give the webhook signing key Calendly "
                    + "shows. Cal.com: give the secret you typed into the webhook, or leave it out and the platform "
                    + "makes one, shown once in the answer, to paste into Cal.com.")
    public record Connect(
            @NotNull @Pattern(regexp = "calcom|calendly", message = "must be calcom or calendly") @Schema(
                    type = SchemaType.STRING,
                    enumeration = {"calcom", "calendly"},
                    example = "calcom")
            String provider,

            @NotNull @Size(max = 500) @Pattern(regexp = "https://[^\\s#]+", message = "must be an https URL without a fragment") @Schema(
                    description = "The booking page the referred person books on; booking links are this URL with "
                            + "the referral's code attached",
                    example = "https://cal.com/your-practice/consultation")
            String bookingPageUrl,

            @Size(min = 16, max = 200) @Schema(
                    description = "The signing secret (Cal.com) or webhook signing key (Calendly); required for "
                            + "Calendly, made by the platform for Cal.com when left out",
                    example = "a-long-random-secret-you-chose")
            String signingSecret) {}

    @Schema(
            name = "RotateBookingIntegration",
            description = "A new signing secret (given, or made by the platform for Cal.com and shown once), and with "
                    + "newReceivingUrl a new receiving URL (the old one answers 404 from then on)")
    public record Rotate(
            @Size(min = 16, max = 200) @Schema(
                    description = "The new secret; required for Calendly, made by the platform for Cal.com when "
                            + "left out",
                    example = "another-long-random-secret")
            String signingSecret,

            @Schema(description = "Issue a new receiving URL too; defaults to false", example = "false")
            Boolean newReceivingUrl) {}

    @Schema(name = "MatchBooking", description = "The referral a waiting booking belongs to")
    public record Match(
            @NotNull @Schema(example = "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b")
            java.util.UUID referralId) {}
}
