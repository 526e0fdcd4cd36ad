package io.referrals.partner.rest;

import io.referrals.events.PartnerCategory;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Partner")
public record PartnerView(
        @Schema(example = "0b7c1f0e-8f8e-4a4b-9a53-2b8d1c3f5e61") UUID id,
        @Schema(example = "Dana Lee") String name,
        @Schema(example = "dana@leecounseling.example") String email,
        @Schema(example = "professional") PartnerCategory category,
        Instant createdAt,
        Instant updatedAt) {
}
