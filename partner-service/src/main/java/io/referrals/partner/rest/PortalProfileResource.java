package io.referrals.partner.rest;

import io.referrals.partner.service.PortalProfileUpdate;
import io.referrals.partner.service.PortalProfiles;
import io.referrals.platform.portal.CurrentPartner;
import io.referrals.platform.problem.Problem;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The signed-in partner reads and changes their own contact details and the clients they serve. Open to the HTTP
 * layer like every portal path; the session is checked here ({@link CurrentPartner}: a change refuses the practice's
 * read-only view) and in the session table.
 */
@Path("/api/portal/profile")
@Tag(
        name = "Portal",
        description = "The partner portal: what a signed-in partner sees and changes (a portal session token)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PortalProfileResource {
    @Inject
    PortalProfiles profiles;

    @Inject
    CurrentPartner partner;

    @GET
    @PermitAll
    @Operation(operationId = "getPortalProfile", summary = "The signed-in partner's own details")
    @APIResponse(
            responseCode = "200",
            description = "The partner's details",
            content = @Content(schema = @Schema(implementation = PortalProfileView.class)))
    @APIResponse(
            responseCode = "401",
            description = "No open portal session (none, expired, ended, a staff token, or access revoked)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public PortalProfileView get() {
        return PortalProfileView.of(profiles.get(partner.session()));
    }

    @PUT
    @PermitAll
    @Operation(
            operationId = "putPortalProfile",
            summary = "Replace the signed-in partner's own details",
            description = "Name, phone, website, organization, the clients they serve and their specialties; a field"
                    + " left out is cleared. The clients served and specialties are what the practice's fit score"
                    + " compares with its ideal referral. The email address is the sign-in address: only the practice"
                    + " changes it.")
    @APIResponse(
            responseCode = "200",
            description = "The stored details",
            content = @Content(schema = @Schema(implementation = PortalProfileView.class)))
    @APIResponse(
            responseCode = "401",
            description = "No open portal session (none, expired, ended, a staff token, or access revoked)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "403",
            description = "The practice's read-only \"view as this partner\" session changes nothing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "409",
            description = "The practice archived the partner (partner-archived)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public PortalProfileView put(@NotNull @Valid PortalProfileUpdate update) {
        return PortalProfileView.of(profiles.update(partner.sessionForChange(), update));
    }
}
