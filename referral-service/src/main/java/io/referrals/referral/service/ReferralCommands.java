package io.referrals.referral.service;

import io.referrals.events.Consent;
import io.referrals.events.PartnerCategory;
import io.referrals.events.ReferralStatus;
import io.referrals.platform.text.MultiLine;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the referral API asks of {@link ReferralService}; the request bodies are these records as they are. */
public final class ReferralCommands {
    private ReferralCommands() {}

    @Schema(
            name = "ReceiveReferral",
            description = "Name the referrer by `partnerId`, or by `referrer` when they are "
                    + "not a partner yet: partner-service then records them as a candidate source.")
    public record Receive(
            @Schema(description = "The referring partner", example = "0b7c1f0e-8f8e-4a4b-9a53-2b8d1c3f5e61")
            UUID partnerId,

            @Valid @Schema(description = "A referrer not yet known; leave out when partnerId is given")
            NewReferrer referrer,

            @NotNull @Valid ReferredPerson referred,

            @Size(max = 4000) @Schema(example = "Looking for help with a career transition; prefers evening calls.")
            @MultiLine
            String note,

            @Schema(description = "What the referrer may be told; defaults to none", example = "outcome")
            Consent consent) {}

    @Schema(name = "NewReferrer", description = "Someone not yet known who referred a person")
    public record NewReferrer(
            @NotBlank @Size(max = 200) @Schema(example = "Priya Natarajan")
            String name,

            @Email @Size(max = 320) @Schema(example = "priya@example.com")
            String email,

            @Schema(description = "Defaults to uncategorized", example = "client")
            PartnerCategory category) {}

    @Schema(name = "ReferredPerson", description = "Give an email, a phone, or both.")
    public record ReferredPerson(
            @NotBlank @Size(max = 200) @Schema(example = "Sam Rivera")
            String name,

            @Email @Size(max = 320) @Schema(example = "sam.rivera@example.com")
            String email,

            @Size(max = 40) @Pattern(regexp = "^\\+?[0-9 ()./-]{5,40}$", message = "must be a phone number")
            @Schema(example = "+1 555 0100")
            String phone) {}

    @Schema(name = "ConvertReferral")
    public record Convert(
            @NotNull @DecimalMin(value = "0.00") @Digits(integer = 15, fraction = 2) @Schema(
                    description = "Value of the program the person bought, as an exact decimal",
                    example = "1500.00",
                    type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)
            BigDecimal programValue,

            @NotNull @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 4217 code such as USD") @Schema(example = "USD")
            String currency) {}

    @Schema(
            name = "ChangeReferralStatus",
            description = "Move the referral along its lifecycle. `converted` needs "
                    + "programValue and currency; other statuses take neither.")
    public record ChangeStatus(
            @NotNull @Schema(example = "contacted") ReferralStatus status,

            @Size(max = 4000) @Schema(example = "Left a voicemail, then spoke on the second call.") @MultiLine
            String note,

            @DecimalMin(value = "0.00") @Digits(integer = 15, fraction = 2) @Schema(
                    description = "For converted: value of the program, as an exact decimal",
                    example = "1500.00",
                    type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)
            BigDecimal programValue,

            @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 4217 code such as USD") @Schema(description = "For converted", example = "USD")
            String currency) {}

    /** The practice's answer to an unverified attribution. */
    public enum AttributionDecision implements io.referrals.events.WireEnum {
        CONFIRMED,
        REJECTED
    }

    @Schema(
            name = "DecideAttribution",
            description = "Confirm or reject the partner a public intake request named by email. Confirmed: the "
                    + "partner's agreed fee is owed on conversion. Rejected: no fee is ever owed on this referral.")
    public record DecideAttribution(
            @NotNull @Schema(example = "confirmed") AttributionDecision decision) {}

    @Schema(name = "ChangeConsent", description = "What the referred person now allows the referrer to be told")
    public record ChangeConsent(
            @NotNull @Schema(example = "contact_made") Consent consent,

            @Size(max = 4000) @Schema(example = "Asked on the first call; happy for Dana to know we spoke.") @MultiLine
            String note) {}

    @Schema(
            name = "PleasedCheckIn",
            description = "The answer to a converted referral's pleased check-in: is the person the partner referred "
                    + "pleased with the practice's work? A pleased answer may trigger a campaign's ask to the partner.")
    public record PleasedCheckIn(
            @NotNull @Schema(example = "true") Boolean pleased) {}
}
