package io.referrals.notification.rest;

import io.referrals.notification.entity.TaskKind;
import io.referrals.notification.entity.TaskQuery;
import io.referrals.notification.entity.TaskStatus;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The query parameters of the task list. */
public class TaskFilter {
    @QueryParam("status")
    @Parameter(description = "open, overdue (open and past due), done or closed", example = "open")
    public String status;

    @QueryParam("kind")
    @Parameter(description = "Only tasks of this kind", example = "first_contact")
    public TaskKind kind;

    @QueryParam("dueBefore")
    @Parameter(description = "Only tasks due before this instant", example = "2026-12-08T00:00:00Z")
    public Instant dueBefore;

    @QueryParam("partnerId")
    @Parameter(description = "Only tasks about this partner")
    public UUID partnerId;

    /** Null when the status is not one of the four. */
    public TaskQuery toQuery() {
        String wanted = status == null ? "" : status.strip().toLowerCase(Locale.ROOT);
        return switch (wanted) {
            case "" -> new TaskQuery(null, false, kind, dueBefore, partnerId);
            case "overdue" -> new TaskQuery(TaskStatus.OPEN, true, kind, dueBefore, partnerId);
            case "open" -> new TaskQuery(TaskStatus.OPEN, false, kind, dueBefore, partnerId);
            case "done" -> new TaskQuery(TaskStatus.DONE, false, kind, dueBefore, partnerId);
            case "closed" -> new TaskQuery(TaskStatus.CLOSED, false, kind, dueBefore, partnerId);
            default -> null;
        };
    }
}
