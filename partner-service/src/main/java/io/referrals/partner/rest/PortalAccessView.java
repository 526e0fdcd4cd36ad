package io.referrals.partner.rest;

import io.referrals.partner.entity.PortalAccessStatus;
import io.referrals.partner.service.PortalAccessEntry;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PortalAccess", description = "A partner's access to the practice's portal")
public record PortalAccessView(
        @Schema(example = "0b7c1f0e-8f8e-4a4b-9a53-2b8d1c3f5e61")
        UUID partnerId,

        @Schema(example = "Dana Whitfield") String partnerName,

        @Schema(description = "Where the latest sign-in link went", example = "dana@whitfield-counselling.example")
        String email,

        @Schema(description = "invited: no sign-in yet; active: signed in at least once; revoked: no access")
        PortalAccessStatus status,

        Instant invitedAt,

        @Schema(description = "The latest sign-in, if any") Instant lastSignInAt,
        Instant revokedAt) {

    public static PortalAccessView of(PortalAccessEntry entry) {
        var access = entry.access();
        return new PortalAccessView(
                access.partnerId,
                entry.partnerName(),
                access.email,
                access.status,
                access.invitedAt,
                access.lastSignInAt,
                access.revokedAt);
    }
}
