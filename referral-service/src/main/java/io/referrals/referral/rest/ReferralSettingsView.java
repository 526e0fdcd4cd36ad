package io.referrals.referral.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The settings as read and as written: the service itself takes and answers the hours alone. */
@Schema(name = "ReferralSettings", description = "A practice's referral settings")
public record ReferralSettingsView(
        @NotNull @Min(1) @Max(720) @Schema(
                description = "Hours after receipt by which a referred person should be contacted, 1 to 720",
                example = "48")
        Integer firstContactHours) {}
