package io.referrals.partner.rest;

import io.referrals.events.PartnerCategory;
import io.referrals.events.PartnerStage;
import io.referrals.partner.entity.AllianceType;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the partner API. */
public final class PartnerRequests {
    static final String PHONE = "^$|^\\+?[0-9 ()./-]{5,40}$";
    static final String WEB_ADDRESS = "^$|^https?://\\S+$";

    private PartnerRequests() {
    }

    @Schema(name = "CreatePartner")
    public record Create(
            @NotBlank @Size(max = 200) @Schema(example = "Dana Lee") String name,
            @Email @Size(max = 320) @Schema(example = "dana@leecounseling.example") String email,
            @NotNull @Schema(example = "professional") PartnerCategory category,
            @Size(max = 200) @Schema(example = "Lee Counseling") String organization,
            @Size(max = 200) @Schema(example = "Licensed marriage and family therapist") String role,
            @Schema(description = "Whether the profession is licensed (referral fees may be restricted)",
                    example = "true") Boolean licensed,
            @Size(max = 40) @Pattern(regexp = PHONE, message = "must be a phone number")
            @Schema(example = "+1 555 0100") String phone,
            @Size(max = 500) @Pattern(regexp = WEB_ADDRESS, message = "must be an http(s) address")
            @Schema(example = "https://leecounseling.example") String website,
            @Size(max = 8000) String notes,
            @Size(max = 50) @Schema(example = "[\"met at BNI\"]") List<@NotBlank @Size(max = 80) String> tags,
            @Size(max = 50) @Schema(description = "The clients this partner serves",
                    example = "[\"couples\", \"career change\"]") List<@NotBlank @Size(max = 80) String> niches,
            @Size(max = 6) @Schema(example = "[\"referral\"]") List<@NotNull AllianceType> allianceTypes,
            @Size(max = 200) @Schema(description = "The practice user responsible", example = "user@practice")
            String owner,
            @Min(1) @Max(365) @Schema(description = "Overrides the practice's check-in cadence", example = "30")
            Integer checkInCadenceDays,
            @Schema(description = "Where the relationship stands today; defaults to identified",
                    example = "building_rapport") PartnerStage stage) {

        /** A request naming only what the foundation's clients send. */
        public static Create basic(String name, String email, PartnerCategory category) {
            return new Create(name, email, category, null, null, null, null, null, null, null, null, null, null, null,
                    null);
        }
    }

    /**
     * Merge patch: fields left out stay as they are. Send an empty string to clear a text field, an empty list to
     * clear a list, and 0 to drop the check-in cadence override.
     */
    @Schema(name = "UpdatePartner")
    public record Update(
            @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank")
            @Schema(example = "Dana Lee, LPC") String name,
            @Email @Size(max = 320) @Schema(example = "dana@leecounseling.example") String email,
            @Schema(example = "professional") PartnerCategory category,
            @Size(max = 200) String organization,
            @Size(max = 200) String role,
            Boolean licensed,
            @Size(max = 40) @Pattern(regexp = PHONE, message = "must be a phone number") String phone,
            @Size(max = 500) @Pattern(regexp = WEB_ADDRESS, message = "must be an http(s) address") String website,
            @Size(max = 8000) String notes,
            @Size(max = 50) List<@NotBlank @Size(max = 80) String> tags,
            @Size(max = 50) List<@NotBlank @Size(max = 80) String> niches,
            @Size(max = 6) List<@NotNull AllianceType> allianceTypes,
            @Size(max = 200) String owner,
            @Min(0) @Max(365) Integer checkInCadenceDays) {
    }

    @Schema(name = "StageTransition")
    public record StageTransition(
            @NotNull @Schema(example = "reached_out") PartnerStage to,
            @Size(max = 2000) @Schema(example = "Sent a note after the chamber breakfast") String note,
            @Size(max = 2000) @Schema(description = "Required when moving to ended", example = "Moved out of state")
            String reason) {
    }
}
