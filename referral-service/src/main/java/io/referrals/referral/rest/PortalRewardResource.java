package io.referrals.referral.rest;

import io.referrals.platform.page.Page;
import io.referrals.platform.portal.CurrentPartner;
import io.referrals.platform.problem.Problem;
import io.referrals.platform.rest.PageRequest;
import io.referrals.referral.service.portal.PortalRewards;
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

/** The signed-in partner's rewards in the portal; the session is checked here ({@link CurrentPartner}). */
@Path("/api/portal/rewards")
@Tag(
        name = "Portal",
        description =
                "The partner portal: a signed-in partner's referrals, rewards and intake link (a portal session token)")
@Produces(MediaType.APPLICATION_JSON)
public class PortalRewardResource {

    @Inject
    PortalRewards rewards;

    @Inject
    CurrentPartner partner;

    @GET
    @PermitAll
    @Operation(
            operationId = "listPortalRewards",
            summary = "The signed-in partner's rewards",
            description = "Fees owed, paid or waived and thank-yous that are not money, newest first, with the "
                    + "agreement's terms. Only rewards the partner receives, and only for referrals whose person "
                    + "allowed the outcome to be shared (a reward would tell it).")
    @APIResponse(responseCode = "200", description = "One page of the partner's rewards")
    @APIResponse(
            responseCode = "401",
            description = PortalResponses.UNAUTHORIZED,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Page<PortalRewardView> list(@Valid @BeanParam PageRequest page) {
        return rewards.list(partner.session(), page.paging()).map(PortalRewardView::of);
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(operationId = "getPortalReward", summary = "One of the signed-in partner's rewards")
    @APIResponse(
            responseCode = "200",
            description = "The reward",
            content = @Content(schema = @Schema(implementation = PortalRewardView.class)))
    @APIResponse(
            responseCode = "401",
            description = PortalResponses.UNAUTHORIZED,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "404",
            description = "Not a reward of this partner that they may see (another partner's or practice's)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public PortalRewardView get(@PathParam("id") UUID id) {
        return PortalRewardView.of(rewards.get(partner.session(), id));
    }
}
