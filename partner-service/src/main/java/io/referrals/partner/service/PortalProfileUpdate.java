package io.referrals.partner.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a signed-in partner sends to replace their own details (read back as {@code rest/PortalProfileView}). No email:
 * it is the address their sign-in links go to, so only the practice changes it (a partner who could would hand their
 * portal to whichever address they typed, and the practice would lose the address it knows them by).
 */
@Schema(
        name = "PortalProfileUpdate",
        description = "The partner's own details, replaced as a whole: a field left out is cleared. The email address"
                + " is the sign-in address and only the practice changes it.")
public record PortalProfileUpdate(
        @NotBlank @Size(max = 200) @Schema(example = "Dana Whitfield")
        String name,

        @Size(max = 40) @Pattern(regexp = PartnerCommands.PHONE, message = "must be a phone number") @Schema(example = "+1 555 0100")
        String phone,

        @Size(max = 500) @Pattern(regexp = PartnerCommands.WEB_ADDRESS, message = "must be an http(s) address")
        @Schema(example = "https://whitfield-counselling.example")
        String website,

        @Size(max = 200) @Schema(example = "Whitfield Counselling")
        String organization,

        @NotNull @Size(max = 50) @Schema(
                description = "The clients the partner serves; compared with the practice's ideal referral",
                example = "[\"couples\", \"career change\"]")
        List<@NotBlank @Size(max = 80) String> clientsServed,

        @Size(max = 50) @Schema(description = "What the partner specialises in", example = "[\"EMDR\"]")
        List<@NotBlank @Size(max = 80) String> specialties) {

    /** The same change as the practice's edit of these fields: a field left out is cleared. */
    PartnerCommands.Update toPartnerUpdate() {
        return new PartnerCommands.Update(
                name,
                null,
                null,
                orEmpty(organization),
                null,
                null,
                orEmpty(phone),
                orEmpty(website),
                null,
                null,
                clientsServed,
                null,
                null,
                null,
                specialties == null ? List.of() : specialties);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
