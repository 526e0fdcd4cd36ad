package io.referrals.metrics.rest;

import io.referrals.metrics.service.rebuild.RebuildService;
import io.referrals.platform.problem.ProblemException;
import io.referrals.platform.tenant.CurrentTenant;
import io.referrals.platform.tenant.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Rebuilding the practice's read models from the event history, without stopping reads. */
@Path("/api/metrics/rebuild")
@Tag(name = "Metrics", description = "Referral volume, conversion, revenue, reciprocity, goals and dormant partners")
@Produces(MediaType.APPLICATION_JSON)
public class RebuildResource {
    private static final String RUNNING_EXAMPLE = """
            {"id":"0d9c6a4e-2f1b-4c55-9a7e-6b0f3f2d9e11","state":"running","eventsReplayed":0,\
            "startedAt":"2026-03-02T10:00:00Z","finishedAt":null,"error":null}""";
    private static final String DONE_EXAMPLE = """
            {"id":"0d9c6a4e-2f1b-4c55-9a7e-6b0f3f2d9e11","state":"done","eventsReplayed":1250,\
            "startedAt":"2026-03-02T10:00:00Z","finishedAt":"2026-03-02T10:00:04Z","error":null}""";

    @Inject
    RebuildService rebuilds;

    @Inject
    CurrentTenant tenant;

    @POST
    @RolesAllowed(Roles.OWNER)
    @Operation(
            operationId = "startRebuild",
            summary = "Rebuild the practice's read models from the event history",
            description = "Replays partner.events and referral.events from the beginning into a staging copy while "
                    + "reads keep answering from the current numbers, then swaps the copy in at once. Owner only. "
                    + "One rebuild per practice at a time: while one runs, another start is refused with 409 "
                    + "naming the running one (`rebuildId`).")
    @APIResponse(
            responseCode = "202",
            description = "Started; follow it at Location",
            headers =
                    @Header(
                            name = "Location",
                            description = "The rebuild's status",
                            schema = @Schema(implementation = String.class)),
            content =
                    @Content(
                            schema = @Schema(implementation = RebuildView.class),
                            examples = @ExampleObject(name = "started", value = RUNNING_EXAMPLE)))
    @APIResponse(
            responseCode = "409",
            description = "A rebuild of this practice is running (its id: rebuildId)",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/Problem")))
    public Response start(@Context UriInfo uri) {
        RebuildView started = RebuildView.of(rebuilds.start(tenant.id()));
        return Response.accepted(started)
                .location(uri.getAbsolutePathBuilder()
                        .path(started.id().toString())
                        .build())
                .build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OWNER, Roles.MEMBER, Roles.VIEWER})
    @Operation(
            operationId = "getRebuild",
            summary = "A rebuild's progress",
            description = "State (running, done, failed), events replayed so far, start and end. A rebuild of "
                    + "another practice is not found.")
    @APIResponse(
            responseCode = "200",
            description = "The rebuild",
            content =
                    @Content(
                            schema = @Schema(implementation = RebuildView.class),
                            examples = @ExampleObject(name = "done", value = DONE_EXAMPLE)))
    public RebuildView status(
            @PathParam("id")
                    @Parameter(description = "The id POST answered", example = "0d9c6a4e-2f1b-4c55-9a7e-6b0f3f2d9e11")
                    String id) {
        return RebuildView.of(rebuilds.status(tenant.id(), uuid("id", id)));
    }

    private static UUID uuid(String name, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(name, "must be a UUID");
        }
    }
}
