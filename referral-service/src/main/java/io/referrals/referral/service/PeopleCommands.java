package io.referrals.referral.service;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who a privacy request is about: the referred person's email or phone, as the practice recorded it. */
public final class PeopleCommands {
    private PeopleCommands() {}

    @Schema(name = "PersonErasure", description = "The person to erase: give their email or their phone (or both)")
    public record Person(
            @Email @Size(max = 320) @Schema(example = "sam.rivera@example.com")
            String email,

            @Size(max = 40) @Pattern(regexp = "^\\+?[0-9 ()./-]{5,40}$", message = "must be a phone number")
            @Schema(example = "+1 555 0100")
            String phone) {}
}
