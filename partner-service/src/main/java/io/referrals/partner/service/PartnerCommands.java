package io.referrals.partner.service;

import io.referrals.events.PartnerCategory;
import io.referrals.events.PartnerStage;
import io.referrals.partner.entity.AllianceType;
import io.referrals.partner.entity.Partner;
import io.referrals.partner.entity.TextList;
import io.referrals.platform.text.MultiLine;
import io.referrals.platform.text.Text;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the partner service is asked to do; the partner API takes them as its request bodies. */
public final class PartnerCommands {
    static final String PHONE = "^$|^\\+?[0-9 ()./-]{5,40}$";
    static final String WEB_ADDRESS = "^$|^https?://\\S+$";

    private PartnerCommands() {}

    @Schema(name = "CreatePartner")
    public record Create(
            @NotBlank @Size(max = 200) @Schema(example = "Dana Lee")
            String name,

            @Email @Size(max = 320) @Schema(example = "dana@leecounseling.example")
            String email,

            @NotNull @Schema(example = "professional") PartnerCategory category,

            @Size(max = 200) @Schema(example = "Lee Counseling")
            String organization,

            @Size(max = 200) @Schema(example = "Licensed marriage and family therapist")
            String role,

            @Schema(
                    description = "Whether the profession is licensed (referral fees may be restricted)",
                    example = "true")
            Boolean licensed,

            @Size(max = 40) @Pattern(regexp = PHONE, message = "must be a phone number") @Schema(example = "+1 555 0100")
            String phone,

            @Size(max = 500) @Pattern(regexp = WEB_ADDRESS, message = "must be an http(s) address")
            @Schema(example = "https://leecounseling.example")
            String website,

            @Size(max = 8000) @MultiLine String notes,

            @Size(max = 50) @Schema(example = "[\"met at BNI\"]")
            List<@NotBlank @Size(max = 80) String> tags,

            @Size(max = 50) @Schema(description = "The clients this partner serves", example = "[\"couples\", \"career change\"]")
            List<@NotBlank @Size(max = 80) String> niches,

            @Size(max = 6) @Schema(example = "[\"referral\"]")
            List<@NotNull AllianceType> allianceTypes,

            @Size(max = 200) @Schema(description = "The practice user responsible", example = "user@practice")
            String owner,

            @Min(1) @Max(365) @Schema(description = "Overrides the practice's check-in cadence", example = "30")
            Integer checkInCadenceDays,

            @Schema(
                    description = "Where the relationship stands today; defaults to identified",
                    example = "building_rapport")
            PartnerStage stage) {

        /** Where the relationship starts: the stage asked for, else identified. */
        public PartnerStage startingStage() {
            return stage == null ? PartnerStage.IDENTIFIED : stage;
        }

        /** The new partner, not stored yet: every detail given, cleaned as an update would clean it. */
        public Partner toPartner(String tenantId, Instant now) {
            Partner partner = Partner.create(tenantId, name, category, startingStage(), now);
            new Update(
                            name,
                            email,
                            category,
                            organization,
                            role,
                            licensed,
                            phone,
                            website,
                            notes,
                            tags,
                            niches,
                            allianceTypes,
                            owner,
                            checkInCadenceDays,
                            null)
                    .applyTo(partner);
            return partner;
        }
    }

    /**
     * Merge patch: fields left out stay as they are. Send an empty string to clear a text field, an empty list to
     * clear a list, and 0 to drop the check-in cadence override.
     */
    @Schema(name = "UpdatePartner")
    public record Update(
            @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") @Schema(example = "Dana Lee, LPC")
            String name,

            @Email @Size(max = 320) @Schema(example = "dana@leecounseling.example")
            String email,

            @Schema(example = "professional") PartnerCategory category,
            @Size(max = 200) String organization,
            @Size(max = 200) String role,
            Boolean licensed,

            @Size(max = 40) @Pattern(regexp = PHONE, message = "must be a phone number") String phone,

            @Size(max = 500) @Pattern(regexp = WEB_ADDRESS, message = "must be an http(s) address")
            String website,

            @Size(max = 8000) @MultiLine String notes,
            @Size(max = 50) List<@NotBlank @Size(max = 80) String> tags,
            @Size(max = 50) List<@NotBlank @Size(max = 80) String> niches,
            @Size(max = 6) List<@NotNull AllianceType> allianceTypes,
            @Size(max = 200) String owner,
            @Min(0) @Max(365) Integer checkInCadenceDays,

            @Size(max = 50) @Schema(description = "What the partner specialises in; scored for fit with the niches")
            List<@NotBlank @Size(max = 80) String> specialties) {

        /** Sets what the patch names: blank texts become absent, lists are cleaned, 0 drops the cadence override. */
        public void applyTo(Partner partner) {
            set(name, v -> partner.name = v.strip());
            set(email, v -> partner.email = Text.blankToNull(v));
            set(category, v -> partner.category = v);
            set(organization, v -> partner.organization = Text.blankToNull(v));
            set(role, v -> partner.role = Text.blankToNull(v));
            set(licensed, v -> partner.licensed = v);
            set(phone, v -> partner.phone = Text.blankToNull(v));
            set(website, v -> partner.website = Text.blankToNull(v));
            set(notes, v -> partner.notes = Text.blankToNull(v));
            set(tags, v -> partner.tags = TextList.cleaned(v));
            set(niches, v -> partner.niches = TextList.cleaned(v));
            set(allianceTypes, v -> partner.allianceTypes = AllianceType.names(v));
            set(owner, v -> partner.owner = Text.blankToNull(v));
            set(checkInCadenceDays, v -> partner.checkInCadenceDays = v == 0 ? null : v);
            set(specialties, v -> partner.specialties = TextList.cleaned(v));
        }

        private static <T> void set(T value, Consumer<T> setter) {
            if (value != null) {
                setter.accept(value);
            }
        }
    }

    @Schema(name = "StageTransition")
    public record StageTransition(
            @NotNull @Schema(example = "reached_out") PartnerStage to,

            @Size(max = 2000) @Schema(example = "Sent a note after the chamber breakfast") @MultiLine
            String note,

            @Size(max = 2000) @Schema(description = "Required when moving to ended", example = "Moved out of state")
            @MultiLine
            String reason) {}
}
