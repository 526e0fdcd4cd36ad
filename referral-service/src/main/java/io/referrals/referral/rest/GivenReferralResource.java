package io.referrals.referral.rest;

import io.referrals.platform.page.Page;
import io.referrals.platform.problem.Problem;
import io.referrals.platform.rest.PageRequest;
import io.referrals.platform.tenant.CurrentTenant;
import io.referrals.platform.tenant.Roles;
import io.referrals.referral.entity.GivenReferral;
import io.referrals.referral.service.GivenReferralCommands;
import io.referrals.referral.service.GivenReferralService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/referrals/given")
@Tag(name = "Referrals given", description = "Referrals the practice gives to its partners")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class GivenReferralResource {

    @Inject
    GivenReferralService service;

    @Inject
    CurrentTenant tenant;

    @POST
    @RolesAllowed({Roles.OWNER, Roles.MEMBER})
    @Operation(
            operationId = "giveReferral",
            summary = "Record a referral the practice gave to a partner",
            description = "To get referrals, give referrals: records the person, their need and the day, and "
                    + "announces a ReferralGiven event (partner and day only) that reciprocity counts.")
    @APIResponse(
            responseCode = "201",
            description = "Recorded",
            content = @Content(schema = @Schema(implementation = GivenReferralView.class)))
    @APIResponse(
            responseCode = "422",
            description = "Unknown partner",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response give(@NotNull @Valid GivenReferralCommands.Give request) {
        String tenantId = tenant.id();
        GivenReferral given = service.give(tenantId, request);
        return Response.status(Response.Status.CREATED)
                .entity(GivenReferralView.of(given, service.partnerName(tenantId, given.partnerId)))
                .build();
    }

    @GET
    @RolesAllowed({Roles.OWNER, Roles.MEMBER, Roles.VIEWER})
    @Operation(
            operationId = "listGivenReferrals",
            summary = "List referrals given",
            description = "Newest first (by the day given).")
    @APIResponse(responseCode = "200", description = "One page of referrals given")
    public Page<GivenReferralView> list(
            @Parameter(description = "Only those given to this partner") @QueryParam("partnerId") UUID partnerId,
            @Valid @BeanParam PageRequest page) {
        String tenantId = tenant.id();
        return service.list(tenantId, partnerId, page.paging())
                .map(g -> GivenReferralView.of(g, service.partnerName(tenantId, g.partnerId)));
    }
}
