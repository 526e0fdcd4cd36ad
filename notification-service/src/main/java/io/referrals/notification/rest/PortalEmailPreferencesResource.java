package io.referrals.notification.rest;

import io.referrals.notification.service.portal.PortalEmailPreferences;
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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Which of the practice's emails the signed-in partner gets. Open to the HTTP layer like every portal path; the
 * partner's session token is checked here ({@link CurrentPartner}); a change takes the partner's own session, never
 * the practice's read-only "view as" one.
 */
@Path("/api/portal/email-preferences")
@Tag(
        name = "Portal",
        description =
                "The partner portal: a signed-in partner's messages and email preferences (a portal session token)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PortalEmailPreferencesResource {
    private static final String UNAUTHORIZED =
            "No open portal session (none, expired, a staff token, or the partner's access revoked)";

    @Inject
    PortalEmailPreferences preferences;

    @Inject
    CurrentPartner partner;

    @GET
    @PermitAll
    @Operation(
            operationId = "getPortalEmailPreferences",
            summary = "Which of the practice's emails the signed-in partner gets")
    @APIResponse(
            responseCode = "200",
            description = "The partner's choice (every kind on until they turn it off)",
            content = @Content(schema = @Schema(implementation = EmailPreferencesView.class)))
    @APIResponse(
            responseCode = "401",
            description = UNAUTHORIZED,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public EmailPreferencesView get() {
        return EmailPreferencesView.of(preferences.get(partner.session()));
    }

    @PUT
    @PermitAll
    @Operation(
            operationId = "putPortalEmailPreferences",
            summary = "Choose which of the practice's emails the signed-in partner gets",
            description = "A kind turned off is not emailed to the partner from then on: the practice sees the message"
                    + " suppressed with the reason and is asked to say it in person. Turning any kind on again ends an"
                    + " unsubscribe made by an email's link. The portal's sign-in mail is always sent.")
    @RequestBody(
            content =
                    @Content(
                            examples =
                                    @ExampleObject(
                                            name = "no thank-yous",
                                            value = "{\"thankYous\":false,\"referralUpdates\":true,"
                                                    + "\"checkIns\":true,\"news\":false}")))
    @APIResponse(
            responseCode = "200",
            description = "The partner's choice as stored",
            content = @Content(schema = @Schema(implementation = EmailPreferencesView.class)))
    @APIResponse(
            responseCode = "401",
            description = UNAUTHORIZED,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "403",
            description = "The practice's read-only \"view as this partner\" session changes nothing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public EmailPreferencesView put(@NotNull @Valid EmailPreferencesView wanted) {
        return EmailPreferencesView.of(preferences.put(partner.sessionForChange(), wanted.preferences()));
    }
}
