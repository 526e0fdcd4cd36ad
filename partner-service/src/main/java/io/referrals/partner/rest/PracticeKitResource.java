package io.referrals.partner.rest;

import io.referrals.partner.service.IntroductionKits;
import io.referrals.partner.service.KitCommands;
import io.referrals.platform.problem.Problem;
import io.referrals.platform.tenant.CurrentTenant;
import io.referrals.platform.tenant.Roles;
import jakarta.annotation.security.RolesAllowed;
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

/** The introduction kit the practice writes for its referral partners, who read it in the portal. */
@Path("/api/practice/kit")
@Tag(name = "Practice", description = "The practice's own profile and referral kit")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PracticeKitResource {

    @Inject
    IntroductionKits kits;

    @Inject
    CurrentTenant tenant;

    @GET
    @RolesAllowed({Roles.OWNER, Roles.MEMBER, Roles.VIEWER})
    @Operation(
            operationId = "getIntroductionKit",
            summary = "The practice's introduction kit",
            description = "Empty until the practice writes one.")
    @APIResponse(
            responseCode = "200",
            description = "The kit",
            content = @Content(schema = @Schema(implementation = IntroductionKitView.class)))
    public IntroductionKitView get() {
        return IntroductionKitView.of(kits.get(tenant.id()));
    }

    @PUT
    @RolesAllowed({Roles.OWNER, Roles.MEMBER})
    @Operation(
            operationId = "putIntroductionKit",
            summary = "Replace the practice's introduction kit",
            description = "Items sent with their id keep it; items without one are new; items left out are deleted."
                    + " A text using braces other than the placeholders {partnerFirstName} {partnerName}"
                    + " {practiceName} {intakeLink} {bookingLink}, a booking URL that is not https, an id that is not"
                    + " one of the kit's, or anything too long is a 400 naming each field, and nothing is changed.")
    @APIResponse(
            responseCode = "200",
            description = "The stored kit",
            content = @Content(schema = @Schema(implementation = IntroductionKitView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid input; `errors` lists each invalid field (an unknown placeholder is named)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public IntroductionKitView put(@NotNull @Valid KitCommands.Put kit) {
        return IntroductionKitView.of(kits.put(tenant.id(), kit));
    }
}
