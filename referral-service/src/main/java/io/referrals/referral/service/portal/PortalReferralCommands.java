package io.referrals.referral.service.portal;

import io.referrals.events.Consent;
import io.referrals.platform.text.MultiLine;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the portal asks of {@link PortalReferrals}; the request body is this record as it is. */
public final class PortalReferralCommands {
    private PortalReferralCommands() {}

    @Schema(
            name = "PortalReferralRequest",
            description = "A person the signed-in partner refers to the practice. Give an email, a phone, or both: "
                    + "the practice has to reach them. The referral is the partner's, verified (they are signed in).")
    public record Refer(
            @NotBlank @Size(max = 100) @Schema(example = "Riley")
            String firstName,

            @Size(max = 100) @Schema(example = "Moss") String lastName,

            @Email @Size(max = 320) @Schema(example = "riley.moss@example.com")
            String email,

            @Size(max = 40) @Pattern(regexp = "^\\+?[0-9 ()./-]{5,40}$", message = "must be a phone number")
            @Schema(example = "+1 555 0100")
            String phone,

            @Size(max = 2000) @MultiLine
            @Schema(
                    description = "What they are looking for, in the partner's words; the practice reads it",
                    example = "Help with a career change; evenings suit them best.")
            String need,

            @NotNull @Schema(
                    description = "What the person agreed the partner may be told: none (only that the referral "
                            + "arrived), contact_made (also that the practice reached them), outcome (also whether "
                            + "they became a client, and their first name)",
                    example = "contact_made")
            Consent consent) {

        /** The referred person's name as the practice records it. */
        public String fullName() {
            String first = firstName.strip();
            return lastName == null || lastName.isBlank() ? first : first + " " + lastName.strip();
        }
    }
}
