package io.referrals.partner.rest;

import io.referrals.partner.entity.Touchpoint;
import io.referrals.partner.entity.TouchpointKind;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Touchpoint", description = "One contact with a partner")
public record TouchpointView(
        @Schema(example = "5d0f3c8e-2a57-4c1e-9d61-0f3a7b2c9e14")
        UUID id,

        @Schema(example = "0b7c1f0e-8f8e-4a4b-9a53-2b8d1c3f5e61")
        UUID partnerId,

        @Schema(example = "meeting") TouchpointKind kind,
        @Schema(example = "2026-11-20T15:30:00Z") Instant occurredAt,

        @Schema(example = "Coffee after the chamber breakfast; she has two clients for us")
        String note,

        @Schema(example = "user@practice") String createdBy,
        Instant createdAt) {

    public static TouchpointView of(Touchpoint touchpoint) {
        return new TouchpointView(
                touchpoint.id,
                touchpoint.partnerId,
                touchpoint.kind,
                touchpoint.occurredAt,
                touchpoint.note,
                touchpoint.createdBy,
                touchpoint.createdAt);
    }
}
