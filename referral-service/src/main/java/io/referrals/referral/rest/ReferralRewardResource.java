package io.referrals.referral.rest;

import io.referrals.platform.tenant.CurrentTenant;
import io.referrals.platform.tenant.Roles;
import io.referrals.referral.service.RewardCommands;
import io.referrals.referral.service.RewardService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/referrals/{referralId}/rewards")
@Tag(name = "Rewards", description = "Rewards partners earn for referrals, and their payment")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReferralRewardResource {

    @Inject
    RewardService service;

    @Inject
    CurrentTenant tenant;

    @POST
    @RolesAllowed({Roles.OWNER, Roles.MEMBER})
    @Operation(
            operationId = "recordClientReward",
            summary = "Record a reward for a client who referred someone",
            description = "Thanks in kind for a referring client: a session credit, a program discount, exclusive "
                    + "access or a donation to their charity. Owed until marked paid (given). Announced as "
                    + "RewardEarned. Fees owed to partners are not recorded here: they follow from agreements.")
    @APIResponse(
            responseCode = "201",
            description = "The recorded reward",
            content = @Content(schema = @Schema(implementation = RewardView.class)))
    public Response record(
            @PathParam("referralId") UUID referralId,
            @NotNull @Valid RewardCommands.ClientReward request,
            @Context jakarta.ws.rs.core.UriInfo uri) {
        RewardView view = RewardView.of(service.recordClientReward(tenant.id(), referralId, request));
        return Response.created(UriBuilder.fromUri(uri.getBaseUri())
                        .path("api/rewards")
                        .path(view.id().toString())
                        .build())
                .entity(view)
                .build();
    }
}
