package io.referrals.notification.service.task;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class TaskCommands {
    private TaskCommands() {}

    @Schema(name = "TaskSnooze")
    public record Snooze(
            @NotNull @Schema(description = "The new due date; must be in the future", example = "2026-12-08T09:00:00Z")
            Instant until) {}
}
