package io.referrals.referral.service;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.referrals.platform.text.MultiLine;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the referrals-given API asks of {@link GivenReferralService}; the request bodies are these records. */
public final class GivenReferralCommands {
    private GivenReferralCommands() {}

    @Schema(name = "GiveReferral", description = "The practice referred someone to a partner")
    public record Give(
            @NotNull @Schema(description = "A partner known to the practice", example = "0b7c1f0e-8f8e-4a4b-9a53-2b8d1c3f5e61")
            UUID partnerId,

            @NotNull @Valid GivenPerson person,

            @NotBlank @Size(max = 1000) @Schema(example = "Needs a financial plan after a career change") @MultiLine
            String need,

            @Size(max = 4000) @Schema(example = "Told Dana to expect a call this week.") @MultiLine
            String note,

            @PastOrPresent @JsonFormat(shape = JsonFormat.Shape.STRING, pattern = "yyyy-MM-dd")
            @Schema(
                    description = "The day it was given; defaults to today (UTC), never in the future",
                    example = "2026-11-23")
            LocalDate givenOn,

            @DecimalMin(value = "0.00") @Digits(integer = 15, fraction = 2) @Schema(
                    description = "What the referral is likely worth to the partner, as an exact decimal; for the "
                            + "value side of reciprocity. Give it with currency, or neither",
                    example = "1200.00",
                    type = SchemaType.STRING)
            BigDecimal estimatedValue,

            @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 4217 code such as USD") @Schema(description = "Currency of estimatedValue", example = "USD")
            String currency) {}

    @Schema(name = "GivenPerson", description = "The person referred; email and phone are optional")
    public record GivenPerson(
            @NotBlank @Size(max = 200) @Schema(example = "Jordan Blake")
            String name,

            @Email @Size(max = 320) @Schema(example = "jordan.blake@example.com")
            String email,

            @Size(max = 40) @Pattern(regexp = "^\\+?[0-9 ()./-]{5,40}$", message = "must be a phone number")
            @Schema(example = "+1 555 0142")
            String phone) {}
}
