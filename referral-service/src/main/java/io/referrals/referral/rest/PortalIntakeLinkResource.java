package io.referrals.referral.rest;

import io.referrals.platform.portal.CurrentPartner;
import io.referrals.platform.problem.Problem;
import io.referrals.referral.service.portal.PortalIntakeLinks;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The signed-in partner's own intake link; the session is checked here ({@link CurrentPartner}). */
@Path("/api/portal/intake-link")
@Tag(
        name = "Portal",
        description =
                "The partner portal: a signed-in partner's referrals, rewards and intake link (a portal session token)")
@Produces(MediaType.APPLICATION_JSON)
public class PortalIntakeLinkResource {

    @Inject
    PortalIntakeLinks links;

    @Inject
    CurrentPartner partner;

    @GET
    @PermitAll
    @Operation(
            operationId = "getPortalIntakeLink",
            summary = "The signed-in partner's own intake link",
            description = "The newest active link bound to the partner whose address can be shown again: one made "
                    + "here, or by the practice (unsigned, bound to the partner) since the portal keeps it.")
    @APIResponse(
            responseCode = "200",
            description = "The link's address",
            content = @Content(schema = @Schema(implementation = PortalIntakeLinkView.class)))
    @APIResponse(
            responseCode = "401",
            description = PortalResponses.UNAUTHORIZED,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "404",
            description = "No such link for this partner yet (POST makes one)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public PortalIntakeLinkView get(@Context UriInfo uri) {
        return PortalIntakeLinkView.of(links.get(partner.session(), uri.getBaseUri()));
    }

    @POST
    @PermitAll
    @Operation(
            operationId = "createPortalIntakeLink",
            summary = "Make the signed-in partner's intake link, unless they have one",
            description = "201 with a new link bound to the partner when they have none; 200 with the one they have "
                    + "otherwise. No body.")
    @APIResponse(
            responseCode = "201",
            description = "Made now",
            content = @Content(schema = @Schema(implementation = PortalIntakeLinkView.class)))
    @APIResponse(
            responseCode = "200",
            description = "The link the partner already has",
            content = @Content(schema = @Schema(implementation = PortalIntakeLinkView.class)))
    @APIResponse(
            responseCode = "401",
            description = PortalResponses.UNAUTHORIZED,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "403",
            description = PortalResponses.FORBIDDEN_READ_ONLY,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "404",
            description = "Never for a signed-in partner; listed because every portal path may answer it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response create(@Context UriInfo uri) {
        PortalIntakeLinks.PortalIntakeLink link = links.getOrCreate(partner.sessionForChange(), uri.getBaseUri());
        return Response.status(link.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(PortalIntakeLinkView.of(link))
                .build();
    }
}
