package io.referrals.partner.rest;

import io.referrals.partner.service.PortalAccessService;
import io.referrals.platform.problem.Problem;
import io.referrals.platform.tenant.CurrentTenant;
import io.referrals.platform.tenant.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The practice gives partners access to its portal, sends them links, and takes access away. */
@Path("/api/partners/{partnerId}/portal-access")
@Tag(name = "Portal access", description = "The practice grants, revokes and views partners' portal access")
@Produces(MediaType.APPLICATION_JSON)
public class PortalAccessResource {
    @Inject
    PortalAccessService service;

    @Inject
    CurrentTenant tenant;

    @POST
    @RolesAllowed({Roles.OWNER, Roles.MEMBER})
    @Operation(
            operationId = "invitePartnerToPortal",
            summary = "Invite a partner to the portal",
            description = "Gives the partner access to the practice's portal and emails them an invitation with a"
                    + " sign-in link (one use, valid 15 minutes; they can ask for a new one on the portal's page)."
                    + " The partner needs an email address. A partner whose access was revoked can be invited again.")
    @APIResponse(
            responseCode = "201",
            description = "Invited; the invitation is on its way",
            content = @Content(schema = @Schema(implementation = PortalAccessView.class)))
    @APIResponse(
            responseCode = "409",
            description = "The partner has access already (send a new link instead), or is archived",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "422",
            description = "The partner has no email address",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response invite(@PathParam("partnerId") UUID partnerId) {
        return Response.status(Response.Status.CREATED)
                .entity(PortalAccessView.of(service.invite(tenant.id(), partnerId)))
                .build();
    }

    @POST
    @Path("/sign-in-link")
    @RolesAllowed({Roles.OWNER, Roles.MEMBER})
    @Operation(
            operationId = "sendPortalSignInLink",
            summary = "Email a partner a new sign-in link",
            description = "The invitation again while the partner has not signed in yet, a sign-in link after.")
    @APIResponse(
            responseCode = "202",
            description = "The link is on its way",
            content = @Content(schema = @Schema(implementation = PortalAccessView.class)))
    @APIResponse(
            responseCode = "409",
            description = "The partner has no portal access (invite them first), or is archived",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response sendLink(@PathParam("partnerId") UUID partnerId) {
        return Response.accepted(PortalAccessView.of(service.sendLink(tenant.id(), partnerId)))
                .build();
    }

    @DELETE
    @RolesAllowed({Roles.OWNER, Roles.MEMBER})
    @Operation(
            operationId = "revokePortalAccess",
            summary = "Revoke a partner's portal access",
            description = "Ends the partner's sessions and unused links: their next request is refused. Revoking"
                    + " again changes nothing.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(
            responseCode = "404",
            description = "No such partner, or never invited",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public void revoke(@PathParam("partnerId") UUID partnerId) {
        service.revoke(tenant.id(), partnerId);
    }
}
