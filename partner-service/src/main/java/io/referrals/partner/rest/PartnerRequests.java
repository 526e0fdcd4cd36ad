package io.referrals.partner.rest;

import io.referrals.events.PartnerCategory;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the partner API. */
public final class PartnerRequests {
    private PartnerRequests() {
    }

    @Schema(name = "CreatePartner")
    public record Create(
            @NotBlank @Size(max = 200) @Schema(example = "Dana Lee") String name,
            @Email @Size(max = 320) @Schema(example = "dana@leecounseling.example") String email,
            @NotNull @Schema(example = "professional") PartnerCategory category) {
    }

    /** Merge-patch: fields left out stay as they are. */
    @Schema(name = "UpdatePartner")
    public record Update(
            @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank")
            @Schema(example = "Dana Lee, LPC") String name,
            @Email @Size(max = 320) @Schema(example = "dana@leecounseling.example") String email,
            @Schema(example = "professional") PartnerCategory category) {
    }
}
