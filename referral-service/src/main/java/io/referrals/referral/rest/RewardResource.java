package io.referrals.referral.rest;

import io.referrals.platform.page.Page;
import io.referrals.platform.problem.Problem;
import io.referrals.platform.rest.PageRequest;
import io.referrals.platform.tenant.CurrentTenant;
import io.referrals.platform.tenant.Roles;
import io.referrals.referral.entity.Reward;
import io.referrals.referral.entity.RewardQuery;
import io.referrals.referral.service.RewardCommands;
import io.referrals.referral.service.RewardService;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/rewards")
@Tag(name = "Rewards", description = "Rewards partners earn for referrals, and their payment")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RewardResource {

    @Inject
    RewardService service;

    @Inject
    CurrentTenant tenant;

    @GET
    @RolesAllowed({Roles.OWNER, Roles.MEMBER, Roles.VIEWER})
    @Operation(
            operationId = "listRewards",
            summary = "List rewards",
            description = "Fees owed under agreements and client rewards, newest first.")
    @APIResponse(responseCode = "200", description = "One page of rewards")
    public Page<RewardView> list(
            @Parameter(description = "Only this partner's") @QueryParam("partnerId") UUID partnerId,
            @Parameter(description = "Only this referral's") @QueryParam("referralId") UUID referralId,
            @Parameter(description = "Only owed, paid or waived ones") @QueryParam("status") Reward.Status status,
            @Valid @BeanParam PageRequest page) {
        return service.list(tenant.id(), new RewardQuery(partnerId, referralId, status), page.paging())
                .map(RewardView::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OWNER, Roles.MEMBER, Roles.VIEWER})
    @Operation(operationId = "getReward", summary = "Get a reward")
    @APIResponse(
            responseCode = "200",
            description = "The reward",
            content = @Content(schema = @Schema(implementation = RewardView.class)))
    public RewardView get(@PathParam("id") UUID id) {
        return RewardView.of(service.get(tenant.id(), id));
    }

    @POST
    @Path("/{id}/payment")
    @RolesAllowed({Roles.OWNER, Roles.MEMBER})
    @Operation(
            operationId = "payReward",
            summary = "Mark an owed reward paid (or given)",
            description = "Announced as RewardPaid.")
    @APIResponse(
            responseCode = "200",
            description = "The paid reward",
            content = @Content(schema = @Schema(implementation = RewardView.class)))
    @APIResponse(
            responseCode = "409",
            description = "Already paid or waived",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public RewardView pay(@PathParam("id") UUID id, @NotNull @Valid RewardCommands.Payment request) {
        return RewardView.of(service.pay(tenant.id(), id, request));
    }

    @POST
    @Path("/{id}/waiver")
    @RolesAllowed({Roles.OWNER, Roles.MEMBER})
    @Operation(operationId = "waiveReward", summary = "Waive an owed reward")
    @APIResponse(
            responseCode = "200",
            description = "The waived reward",
            content = @Content(schema = @Schema(implementation = RewardView.class)))
    @APIResponse(
            responseCode = "409",
            description = "Already paid or waived",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public RewardView waive(@PathParam("id") UUID id, @NotNull @Valid RewardCommands.Waiver request) {
        return RewardView.of(service.waive(tenant.id(), id, request));
    }
}
