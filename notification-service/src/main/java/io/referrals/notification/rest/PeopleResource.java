package io.referrals.notification.rest;

import io.referrals.notification.service.person.PersonErasure;
import io.referrals.notification.service.task.TaskService;
import io.referrals.platform.problem.Problem;
import io.referrals.platform.problem.ProblemException;
import io.referrals.platform.tenant.CurrentTenant;
import io.referrals.platform.tenant.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * notification-service's part of a referred person's data export. It never held their email or phone, so it is asked
 * by the ids of their referrals, which referral-service's {@code GET /api/people} lists.
 */
@Path("/api/people")
@Tag(name = "People", description = "A referred person's data in messages and tasks: export")
@Produces(MediaType.APPLICATION_JSON)
public class PeopleResource {
    /** Enough for anyone's referrals; more is a mistake, not a person. */
    static final int MAX_REFERRALS = 200;

    @Inject
    PersonErasure people;

    @Inject
    TaskService tasks;

    @Inject
    CurrentTenant tenant;

    @GET
    @RolesAllowed(Roles.OWNER)
    @Operation(
            operationId = "exportPersonMessages",
            summary = "The messages and tasks that named a referred person",
            description = "Asked by the ids of the person's referrals (referral-service's GET /api/people lists them):"
                    + " the first name kept for each, every message about them (sent or not, with its text) and every"
                    + " task. Owner only. Another practice's referral ids find nothing.")
    @APIResponse(
            responseCode = "200",
            description = "What is held; empty lists when nothing is",
            content = @Content(schema = @Schema(implementation = PersonDataView.class)))
    @APIResponse(
            responseCode = "400",
            description = "No referralId, or too many",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public PersonDataView export(
            @Parameter(
                            description = "A referral of the person; repeat for each",
                            example = "[\"1c9f3a52-6a3e-4e8a-9a43-5d2f0f1b7a10\"]")
                    @QueryParam("referralId")
                    List<UUID> referralIds) {
        if (referralIds == null || referralIds.isEmpty()) {
            throw ProblemException.invalidField("referralId", "give the ids of the person's referrals");
        }
        if (referralIds.size() > MAX_REFERRALS) {
            throw ProblemException.invalidField("referralId", "at most " + MAX_REFERRALS);
        }
        return PersonDataView.of(people.export(tenant.id(), referralIds), tasks.now());
    }
}
