package io.referrals.metrics.rest;

import io.referrals.metrics.entity.Rebuild;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Rebuild", description = "A rebuild of the practice's read models from the event history")
public record RebuildView(
        @Schema(example = "0d9c6a4e-2f1b-4c55-9a7e-6b0f3f2d9e11")
        UUID id,

        @Schema(description = "running, done or failed", example = "running")
        String state,

        @Schema(description = "Events of the practice applied to the new copy so far", example = "1250")
        long eventsReplayed,

        @Schema(example = "2026-03-02T10:00:00Z") Instant startedAt,

        @Schema(description = "Set once done or failed", example = "2026-03-02T10:00:04Z", nullable = true)
        Instant finishedAt,

        @Schema(description = "Why it failed; the live read models are unchanged then", nullable = true)
        String error) {

    static RebuildView of(Rebuild rebuild) {
        return new RebuildView(
                rebuild.id,
                rebuild.status,
                rebuild.eventsReplayed,
                rebuild.startedAt,
                rebuild.finishedAt,
                rebuild.error);
    }
}
