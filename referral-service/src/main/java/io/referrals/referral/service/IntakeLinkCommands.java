package io.referrals.referral.service;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the intake link API asks of {@link IntakeLinkService}; the request bodies are these records. */
public final class IntakeLinkCommands {
    private IntakeLinkCommands() {}

    @Schema(
            name = "CreateIntakeLink",
            description = "A link for a form builder, a scheduler or a Zapier-style webhook. "
                    + "Bind it to a partner to make it that partner's personal referral link.")
    public record Create(
            @NotBlank @Size(max = 200) @Schema(example = "Website referral form")
            String name,

            @Schema(
                    description = "Binds the link to this known partner: every referral through it is theirs",
                    example = "0b7c1f0e-8f8e-4a4b-9a53-2b8d1c3f5e61")
            UUID partnerId,

            @Schema(
                    description = "Require a Standard Webhooks signature on every intake request; defaults to false",
                    example = "false")
            Boolean signed,

            @Min(1) @Max(600) @Schema(description = "Intake requests allowed per minute; defaults to 60", example = "60")
            Integer rateLimitPerMinute,

            @Min(1) @Max(100000) @Schema(description = "Intake requests accepted per UTC day; defaults to 1000", example = "1000")
            Integer dailyCap) {}
}
