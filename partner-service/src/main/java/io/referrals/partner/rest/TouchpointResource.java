package io.referrals.partner.rest;

import io.referrals.partner.service.LogTouchpoint;
import io.referrals.partner.service.TouchpointService;
import io.referrals.platform.idempotency.IdempotencyKeys;
import io.referrals.platform.page.Page;
import io.referrals.platform.problem.Problem;
import io.referrals.platform.rest.IdempotentCreate;
import io.referrals.platform.rest.PageRequest;
import io.referrals.platform.tenant.CurrentTenant;
import io.referrals.platform.tenant.Roles;
import jakarta.annotation.security.RolesAllowed;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/partners/{partnerId}/touchpoints")
@Tag(
        name = "Partners",
        description = "The practice's referral partners and sources, their touchpoints and CSV import/export")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TouchpointResource {
    private static final String ARCHIVED_EXAMPLE = """
            {"type":"https://referrals.example/problems/partner-archived","title":"Partner is archived",\
            "status":409,"detail":"Restore the partner before changing it."}""";

    @Inject
    TouchpointService service;

    @Inject
    CurrentTenant tenant;

    @Inject
    IdempotentCreate creates;

    /** What a retry must repeat: the same touchpoint for the same partner. */
    record Fingerprint(UUID partnerId, LogTouchpoint touchpoint) {}

    @POST
    @RolesAllowed({Roles.OWNER, Roles.MEMBER})
    @Transactional
    @Operation(
            operationId = "logTouchpoint",
            summary = "Log a touchpoint with a partner",
            description = "Records a call, meeting, email, event, gift or thank-you. The partner's last touchpoint "
                    + "moves to this one unless a later one is already recorded, its next check-in falls one "
                    + "cadence after that, and a TouchpointLogged event announces it.")
    @APIResponse(
            responseCode = "201",
            description = "Logged (or, on a retry with the same key, the first answer)",
            content = @Content(schema = @Schema(implementation = TouchpointView.class)))
    @APIResponse(
            responseCode = "409",
            description = "The partner is archived; restore it first",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(ref = "Problem"),
                            examples = @ExampleObject(name = "archived", value = ARCHIVED_EXAMPLE)))
    @APIResponse(
            responseCode = "422",
            description = "Idempotency-Key reused with another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response log(
            @PathParam("partnerId") UUID partnerId,
            @Parameter(
                            description = "Makes retries safe: the same key returns the first answer and logs nothing",
                            example = "visit-2026-11-20")
                    @HeaderParam(IdempotencyKeys.HEADER)
                    String idempotencyKey,
            @NotNull @Valid LogTouchpoint request,
            @Context UriInfo uri) {
        String tenantId = tenant.id();
        return creates.created(
                tenantId,
                idempotencyKey,
                new Fingerprint(partnerId, request),
                TouchpointView.class,
                TouchpointView::id,
                () -> TouchpointView.of(service.log(tenantId, partnerId, request, tenant.userId())),
                uri);
    }

    @GET
    @RolesAllowed({Roles.OWNER, Roles.MEMBER, Roles.VIEWER})
    @Operation(operationId = "listTouchpoints", summary = "A partner's touchpoints, newest first")
    @APIResponse(responseCode = "200", description = "One page of touchpoints")
    public Page<TouchpointView> list(@PathParam("partnerId") UUID partnerId, @Valid @BeanParam PageRequest page) {
        return service.list(tenant.id(), partnerId, page.paging()).map(TouchpointView::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OWNER, Roles.MEMBER, Roles.VIEWER})
    @Operation(operationId = "getTouchpoint", summary = "Get a touchpoint")
    @APIResponse(
            responseCode = "200",
            description = "The touchpoint",
            content = @Content(schema = @Schema(implementation = TouchpointView.class)))
    public TouchpointView get(@PathParam("partnerId") UUID partnerId, @PathParam("id") UUID id) {
        return TouchpointView.of(service.get(tenant.id(), partnerId, id));
    }
}
