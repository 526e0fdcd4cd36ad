package io.referrals.partner.rest;

import io.referrals.partner.entity.KitItemKind;
import io.referrals.partner.service.IntroductionKits;
import io.referrals.platform.portal.CurrentPartner;
import io.referrals.platform.problem.Problem;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The practice's introduction kit as its partners read it in the portal. Open to the HTTP layer like every portal
 * path; the session is checked here ({@link CurrentPartner}) and in the session table, and scopes every read to its
 * practice: another practice's item is a 404.
 */
@Path("/api/portal/kit")
@Tag(
        name = "Portal",
        description = "The partner portal: what a signed-in partner sees and changes (a portal session token)")
@Produces(MediaType.APPLICATION_JSON)
public class PortalKitResource {
    @Inject
    IntroductionKits kits;

    @Inject
    CurrentPartner partner;

    @GET
    @PermitAll
    @Operation(
            operationId = "getPortalKit",
            summary = "The practice's introduction kit",
            description = "The kit the practice wrote, with the name partners see. Empty until it writes one.")
    @APIResponse(
            responseCode = "200",
            description = "The kit",
            content = @Content(schema = @Schema(implementation = IntroductionKitView.class)))
    @APIResponse(
            responseCode = "401",
            description = "No open portal session (none, expired, ended, a staff token, or access revoked)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public IntroductionKitView kit() {
        return IntroductionKitView.of(kits.forPartner(partner.session()));
    }

    @GET
    @Path("/scripts/{id}")
    @PermitAll
    @Operation(operationId = "getPortalKitScript", summary = "One conversation script of the kit")
    @APIResponse(
            responseCode = "200",
            description = "The script",
            content = @Content(schema = @Schema(implementation = IntroductionKitView.ItemView.class)))
    @APIResponse(
            responseCode = "401",
            description = "No open portal session (none, expired, ended, a staff token, or access revoked)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "404",
            description = "No such script in this practice's kit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public IntroductionKitView.ItemView script(@PathParam("id") UUID id) {
        return IntroductionKitView.ItemView.of(kits.itemForPartner(partner.session(), KitItemKind.SCRIPT, id));
    }

    @GET
    @Path("/intro-emails/{id}")
    @PermitAll
    @Operation(operationId = "getPortalKitIntroEmail", summary = "One introduction email template of the kit")
    @APIResponse(
            responseCode = "200",
            description = "The email template",
            content = @Content(schema = @Schema(implementation = IntroductionKitView.EmailView.class)))
    @APIResponse(
            responseCode = "401",
            description = "No open portal session (none, expired, ended, a staff token, or access revoked)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "404",
            description = "No such email template in this practice's kit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public IntroductionKitView.EmailView introEmail(@PathParam("id") UUID id) {
        return IntroductionKitView.EmailView.of(kits.itemForPartner(partner.session(), KitItemKind.INTRO_EMAIL, id));
    }
}
