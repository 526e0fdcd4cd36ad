package io.referrals.partner.service;

import io.referrals.partner.entity.TouchpointKind;
import io.referrals.platform.text.MultiLine;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A contact with a partner, to be logged. */
@Schema(name = "LogTouchpoint")
public record LogTouchpoint(
        @NotNull @Schema(example = "meeting") TouchpointKind kind,

        @Schema(
                description = "When it happened; defaults to now, at most one day ahead (time zones)",
                example = "2026-11-20T15:30:00Z")
        Instant occurredAt,

        @Size(max = 4000) @Schema(example = "Coffee after the chamber breakfast; she has two clients for us") @MultiLine
        String note) {}
