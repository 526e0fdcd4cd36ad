package io.referrals.referral.rest;

import io.referrals.platform.page.Page;
import io.referrals.platform.portal.CurrentPartner;
import io.referrals.platform.problem.Problem;
import io.referrals.platform.rest.PageRequest;
import io.referrals.referral.service.portal.PortalExchange;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The referrals the practice gave the signed-in partner; the session is checked here ({@link CurrentPartner}). */
@Path("/api/portal/given-referrals")
@Tag(
        name = "Portal",
        description =
                "The partner portal: a signed-in partner's referrals, rewards and intake link (a portal session token)")
@Produces(MediaType.APPLICATION_JSON)
public class PortalGivenReferralResource {

    @Inject
    PortalExchange exchange;

    @Inject
    CurrentPartner partner;

    @GET
    @PermitAll
    @Operation(
            operationId = "listPortalGivenReferrals",
            summary = "Referrals the practice gave the signed-in partner",
            description = "Newest first: when, and what the person needed; never a name or a contact detail.")
    @APIResponse(responseCode = "200", description = "One page of referrals given to the partner")
    @APIResponse(
            responseCode = "401",
            description = PortalResponses.UNAUTHORIZED,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Page<PortalGivenReferralView> given(@Valid @BeanParam PageRequest page) {
        return exchange.given(partner.session(), page.paging()).map(PortalGivenReferralView::of);
    }
}
