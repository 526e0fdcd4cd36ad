package io.referrals.referral.rest;

import io.referrals.platform.idempotency.IdempotencyKeys;
import io.referrals.platform.page.Page;
import io.referrals.platform.portal.CurrentPartner;
import io.referrals.platform.portal.PortalSessions;
import io.referrals.platform.problem.Problem;
import io.referrals.platform.rest.IdempotentCreate;
import io.referrals.platform.rest.PageRequest;
import io.referrals.referral.service.RetriesBookingCodeCollision;
import io.referrals.referral.service.portal.PortalReferralCommands;
import io.referrals.referral.service.portal.PortalReferrals;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The partner's referrals in the portal. Open to the HTTP layer like every portal path; the partner's session token
 * is checked here ({@link CurrentPartner}), so a staff token is refused and the session reaches only its own partner.
 */
@Path("/api/portal/referrals")
@Tag(
        name = "Portal",
        description =
                "The partner portal: a signed-in partner's referrals, rewards and intake link (a portal session token)")
@Produces(MediaType.APPLICATION_JSON)
public class PortalReferralResource {

    @Inject
    PortalReferrals referrals;

    @Inject
    CurrentPartner partner;

    @Inject
    IdempotentCreate creates;

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
            description = PortalResponses.UNAUTHORIZED,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Page<PortalReferralView> list(@Valid @BeanParam PageRequest page) {
        return referrals.list(partner.session(), page.paging()).map(PortalReferralView::of);
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(
            operationId = "getPortalReferral",
            summary = "One of the signed-in partner's referrals",
            description = "As the list shows it: how far it went as far as the referred person's consent allows.")
    @APIResponse(
            responseCode = "200",
            description = "The referral",
            content = @Content(schema = @Schema(implementation = PortalReferralView.class)))
    @APIResponse(
            responseCode = "401",
            description = PortalResponses.UNAUTHORIZED,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "404",
            description = "Not a referral of this partner (another partner's, another practice's, or unconfirmed)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public PortalReferralView get(@PathParam("id") UUID id) {
        return PortalReferralView.of(referrals.get(partner.session(), id));
    }

    @POST
    @PermitAll
    @Transactional
    @RetriesBookingCodeCollision
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "referFromPortal",
            summary = "The signed-in partner refers someone",
            description = "Recorded like every referral (duplicate check, first-contact deadline, ReferralReceived), "
                    + "through the channel portal, attributed to the partner and verified. The referred person's "
                    + "consent says how much the partner will see of it. Send an Idempotency-Key to make retries safe.")
    @APIResponse(
            responseCode = "201",
            description = "Recorded (or, on a retry with the same key, the first answer)",
            headers =
                    @Header(
                            name = IdempotencyKeys.REPLAYED_HEADER,
                            description = "true when this is a replay",
                            schema = @Schema(type = SchemaType.BOOLEAN)),
            content = @Content(schema = @Schema(implementation = PortalReferralView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid body (a field's problem in errors; neither email nor phone given)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "401",
            description = PortalResponses.UNAUTHORIZED,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "403",
            description = PortalResponses.FORBIDDEN_READ_ONLY,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "422",
            description = "Idempotency-Key reused with another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response refer(
            @Parameter(
                            description =
                                    "Makes retries safe: the same key returns the first answer and creates nothing",
                            example = "portal-refer-3f0c2a9e")
                    @HeaderParam(IdempotencyKeys.HEADER)
                    String idempotencyKey,
            @NotNull @Valid PortalReferralCommands.Refer request,
            @Context UriInfo uri) {
        PortalSessions.Session session = partner.sessionForChange();
        return creates.created(
                session.tenantId(),
                referrals.idempotencyKey(session, idempotencyKey),
                request,
                PortalReferralView.class,
                PortalReferralView::id,
                () -> PortalReferralView.of(referrals.refer(session, request)),
                uri);
    }
}
