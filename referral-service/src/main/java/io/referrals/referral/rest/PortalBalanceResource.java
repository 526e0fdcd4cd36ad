package io.referrals.referral.rest;

import io.referrals.platform.portal.CurrentPartner;
import io.referrals.platform.problem.Problem;
import io.referrals.referral.service.portal.PortalExchange;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The balance between the signed-in partner and the practice; the session is checked here ({@link CurrentPartner}). */
@Path("/api/portal/balance")
@Tag(
        name = "Portal",
        description =
                "The partner portal: a signed-in partner's referrals, rewards and intake link (a portal session token)")
@Produces(MediaType.APPLICATION_JSON)
public class PortalBalanceResource {

    @Inject
    PortalExchange exchange;

    @Inject
    CurrentPartner partner;

    @GET
    @PermitAll
    @Operation(
            operationId = "getPortalBalance",
            summary = "The balance between the signed-in partner and the practice",
            description = "Referrals both ways, conversions the partner may know of, fees owed and paid per currency.")
    @APIResponse(
            responseCode = "200",
            description = "The balance",
            content = @Content(schema = @Schema(implementation = PortalBalanceView.class)))
    @APIResponse(
            responseCode = "401",
            description = PortalResponses.UNAUTHORIZED,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public PortalBalanceView balance() {
        return PortalBalanceView.of(exchange.balance(partner.session()));
    }
}
