package io.referrals.partner.rest;

import io.referrals.partner.service.PortalViews;
import io.referrals.platform.problem.Problem;
import io.referrals.platform.tenant.CurrentTenant;
import io.referrals.platform.tenant.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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

/** The practice sees its portal as one partner sees it: a read-only portal session. */
@Path("/api/partners/{partnerId}/portal-view")
@Tag(name = "Portal access", description = "The practice grants, revokes and views partners' portal access")
@Produces(MediaType.APPLICATION_JSON)
public class PortalViewResource {
    @Inject
    PortalViews views;

    @Inject
    CurrentTenant tenant;

    @POST
    @RolesAllowed({Roles.OWNER, Roles.MEMBER})
    @Operation(
            operationId = "openPortalView",
            summary = "View the portal as this partner",
            description = "A read-only portal session of the partner for 15 minutes (its token says read_only: every"
                    + " change is refused, 403), recorded with who opened it; signing out with it, or revoking the"
                    + " partner's access, ends it. Works whether or not the partner was invited; not for a partner whose"
                    + " access was revoked (they see nothing) or who is archived.")
    @APIResponse(
            responseCode = "201",
            description = "The read-only session",
            content = @Content(schema = @Schema(implementation = PortalResource.SessionView.class)))
    @APIResponse(
            responseCode = "409",
            description = "The partner's access was revoked (portal-access-revoked), or the partner is archived",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response open(@PathParam("partnerId") UUID partnerId) {
        var view = views.open(tenant.id(), partnerId, tenant.userId());
        return Response.status(Response.Status.CREATED)
                .entity(new PortalResource.SessionView(view.accessToken(), view.expiresAt()))
                .build();
    }
}
