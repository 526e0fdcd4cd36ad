package io.referrals.notification.rest;

import io.referrals.notification.service.portal.PortalMessages;
import io.referrals.platform.page.Page;
import io.referrals.platform.portal.CurrentPartner;
import io.referrals.platform.problem.Problem;
import io.referrals.platform.rest.PageRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
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
 * The messages the practice sent the signed-in partner, in the portal. Open to the HTTP layer like every portal path;
 * the partner's session token is checked here ({@link CurrentPartner}), so a staff token is refused and the session
 * reaches only its own partner's messages.
 */
@Path("/api/portal/messages")
@Tag(
        name = "Portal",
        description =
                "The partner portal: a signed-in partner's messages and email preferences (a portal session token)")
@Produces(MediaType.APPLICATION_JSON)
public class PortalMessageResource {
    private static final String UNAUTHORIZED =
            "No open portal session (none, expired, a staff token, or the partner's access revoked)";

    @Inject
    PortalMessages messages;

    @Inject
    CurrentPartner partner;

    @GET
    @PermitAll
    @Operation(
            operationId = "listPortalMessages",
            summary = "The messages the practice sent the signed-in partner",
            description =
                    "Newest first: thank-yous, referral updates, check-ins, outreach, introductions and campaign asks the mail"
                            + " server accepted for this partner. Never a draft or an unsent message, never one to anyone else.")
    @APIResponse(responseCode = "200", description = "One page of the partner's messages")
    @APIResponse(
            responseCode = "401",
            description = UNAUTHORIZED,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Page<PortalMessageView> list(@Valid @BeanParam PageRequest page) {
        return messages.list(partner.session(), page.paging()).map(PortalMessageView::of);
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(operationId = "getPortalMessage", summary = "One message the practice sent the signed-in partner")
    @APIResponse(
            responseCode = "200",
            description = "The message",
            content = @Content(schema = @Schema(implementation = PortalMessageView.class)))
    @APIResponse(
            responseCode = "401",
            description = UNAUTHORIZED,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "404",
            description = "No message sent to this partner by that id (another partner's or practice's, or unsent)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public PortalMessageView get(@PathParam("id") UUID id) {
        return PortalMessageView.of(messages.get(partner.session(), id));
    }
}
