package io.referrals.referral.rest;

import io.referrals.platform.page.Page;
import io.referrals.platform.portal.CurrentPartner;
import io.referrals.platform.problem.Problem;
import io.referrals.platform.rest.PageRequest;
import io.referrals.referral.service.portal.PortalReferrals;
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

/**
 * The partner's referrals in the portal. Open to the HTTP layer like every portal path; the partner's session token
 * is checked here ({@link CurrentPartner}), so a staff token is refused and the session reaches only its own partner.
 */
@Path("/api/portal/referrals")
@Tag(name = "Portal")
@Produces(MediaType.APPLICATION_JSON)
public class PortalReferralResource {

    @Inject
    PortalReferrals referrals;

    @Inject
    CurrentPartner partner;

    @GET
    @PermitAll
    @Operation(
            operationId = "listPortalReferrals",
            summary = "The signed-in partner's referrals",
            description = "Newest first; those the practice stands behind (a referral that only names the partner, "
                    + "unconfirmed, is not listed). Each says how far it went as far as the referred person's consent "
                    + "allows.")
    @APIResponse(responseCode = "200", description = "One page of the partner's referrals")
    @APIResponse(
            responseCode = "401",
            description = "No open portal session (none, expired, a staff token, or access revoked)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Page<PortalReferralView> list(@Valid @BeanParam PageRequest page) {
        var session = partner.session();
        return referrals
                .list(session.tenantId(), session.partnerId(), session.issuedAt(), page.paging())
                .map(PortalReferralView::of);
    }
}
