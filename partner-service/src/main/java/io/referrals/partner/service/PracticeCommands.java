package io.referrals.partner.service;

import io.referrals.platform.text.MultiLine;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the practice sends to replace its profile as a whole (read back as {@code rest/PracticeView}). */
public final class PracticeCommands {
    private PracticeCommands() {}

    @Schema(name = "PracticeProfileUpdate", description = "The practice's profile, replaced as a whole")
    public record Put(
            @Size(max = 50) @Schema(example = "[\"career coaching\", \"leadership coaching\"]")
            List<@NotBlank @Size(max = 120) String> services,

            @NotNull @Valid IdealReferral idealReferral,

            @Size(max = 50) @Schema(
                    description = "Niches of the ideal referral; partners serving them score higher fit",
                    example = "[\"mid-career professionals\", \"career change\", \"new managers\"]")
            List<@NotBlank @Size(max = 80) String> niches,

            @Min(1) @Max(365) @Schema(
                    description = "Days between partner check-ins unless a partner overrides it; "
                            + "defaults to 30 (monthly)",
                    example = "30")
            Integer defaultCheckInCadenceDays,

            @Min(0) @Max(100000) @Schema(description = "Referrals the practice aims to receive each month", example = "8")
            Integer monthlyReferralGoal,

            @Size(max = 64) @Pattern(regexp = "^[A-Za-z0-9_+\\-]+(/[A-Za-z0-9_+\\-]+)*$", message = "must be an IANA time zone")
            @Schema(
                    description =
                            "IANA time zone the practice's days, weeks and months are counted in; defaults to UTC",
                    example = "America/New_York")
            String timeZone) {}

    @Schema(name = "IdealReferral", description = "Who the practice wants referred, in four parts")
    public record IdealReferral(
            @Size(max = 2000) @Schema(example = "35-55, professionals and managers") @MultiLine
            String demographics,

            @Size(max = 2000) @Schema(example = "Values growth, ready to invest in themselves") @MultiLine
            String psychographics,

            @Size(max = 2000) @Schema(example = "Considering a career change or a first leadership role") @MultiLine
            String situation,

            @Size(max = 2000) @Schema(example = "Wants to start within a month") @MultiLine
            String readiness) {}
}
