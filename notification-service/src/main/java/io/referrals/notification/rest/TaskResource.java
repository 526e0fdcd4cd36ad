package io.referrals.notification.rest;

import io.referrals.notification.entity.TaskQuery;
import io.referrals.notification.service.task.TaskCommands;
import io.referrals.notification.service.task.TaskService;
import io.referrals.platform.page.Page;
import io.referrals.platform.problem.Problem;
import io.referrals.platform.problem.ProblemException;
import io.referrals.platform.rest.PageRequest;
import io.referrals.platform.tenant.CurrentTenant;
import io.referrals.platform.tenant.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/tasks")
@Tag(name = "Tasks", description = "Follow-up tasks for the practice")
@Produces(MediaType.APPLICATION_JSON)
public class TaskResource {

    @Inject
    TaskService tasks;

    @Inject
    CurrentTenant tenant;

    @GET
    @RolesAllowed({Roles.OWNER, Roles.MEMBER, Roles.VIEWER})
    @Operation(
            operationId = "listTasks",
            summary = "List tasks",
            description = "What the practice should do, soonest due first: contact a referred person, review a"
                    + " draft, ask a referrer whether their person was pleased, check in with a partner, reach out to"
                    + " a dormant one, say in person what could not be emailed.")
    @APIResponse(responseCode = "200", description = "One page of tasks")
    public Page<TaskView> list(@BeanParam TaskFilter filter, @Valid @BeanParam PageRequest page) {
        TaskQuery query = filter.toQuery();
        if (query == null) {
            throw ProblemException.invalidField("status", "must be one of open, overdue, done, closed");
        }
        Instant now = tasks.now();
        return tasks.list(tenant.id(), query, page.paging()).map(t -> TaskView.of(t, now));
    }

    @POST
    @Path("/{id}/done")
    @RolesAllowed({Roles.OWNER, Roles.MEMBER})
    @Operation(operationId = "completeTask", summary = "Mark a task done")
    @APIResponse(
            responseCode = "200",
            description = "Done",
            content = @Content(schema = @Schema(implementation = TaskView.class)))
    @APIResponse(
            responseCode = "409",
            description = "The task is not open",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public TaskView done(@PathParam("id") UUID id) {
        return TaskView.of(tasks.done(tenant.id(), id), tasks.now());
    }

    @POST
    @Path("/{id}/snooze")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OWNER, Roles.MEMBER})
    @Operation(operationId = "snoozeTask", summary = "Snooze a task", description = "Moves its due date to `until`.")
    @RequestBody(
            content =
                    @Content(
                            examples =
                                    @ExampleObject(name = "next week", value = "{\"until\":\"2026-12-08T09:00:00Z\"}")))
    @APIResponse(
            responseCode = "200",
            description = "Snoozed",
            content = @Content(schema = @Schema(implementation = TaskView.class)))
    @APIResponse(
            responseCode = "409",
            description = "The task is not open",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public TaskView snooze(@PathParam("id") UUID id, @NotNull @Valid TaskCommands.Snooze command) {
        return TaskView.of(tasks.snooze(tenant.id(), id, command), tasks.now());
    }
}
