package io.referrals.partner.rest;

import io.referrals.partner.entity.Partner;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The signed-in partner's own details, as they may read and change them. */
@Schema(name = "PortalProfile")
public record PortalProfileView(
        UUID partnerId,
        @Schema(example = "Dana Whitfield") String name,

        @Schema(
                description = "The sign-in address: only the practice changes it",
                example = "dana@whitfield-counselling.example")
        String email,

        @Schema(example = "+1 555 0100") String phone,

        @Schema(example = "https://whitfield-counselling.example")
        String website,

        @Schema(example = "Whitfield Counselling") String organization,

        @Schema(description = "The clients the partner serves", example = "[\"couples\", \"career change\"]")
        List<String> clientsServed,

        @Schema(description = "What the partner specialises in", example = "[\"EMDR\"]")
        List<String> specialties,

        Instant updatedAt) {

    static PortalProfileView of(Partner p) {
        return new PortalProfileView(
                p.id,
                p.name,
                p.email,
                p.phone,
                p.website,
                p.organization,
                List.copyOf(p.niches),
                List.copyOf(p.specialties),
                p.updatedAt);
    }
}
