package io.referrals.partner.rest;

import io.referrals.partner.mapping.PartnerMapper;
import io.referrals.platform.idempotency.IdempotencyKeys;
import io.referrals.partner.service.PartnerService;
import io.referrals.platform.problem.Problem;
import io.referrals.platform.rest.Page;
import io.referrals.platform.rest.PageRequest;
import io.referrals.platform.tenant.CurrentTenant;
import io.referrals.platform.tenant.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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

@Path("/api/partners")
@Tag(name = "Partners")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PartnerResource {
    private static final String DUPLICATE_EXAMPLE = """
            {"type":"https://referrals.example/problems/duplicate-partner","title":"Partner already exists",\
            "status":409,"detail":"A partner with email dana@leecounseling.example already exists in this practice.",\
            "existingPartnerId":"0b7c1f0e-8f8e-4a4b-9a53-2b8d1c3f5e61"}""";

    @Inject
    PartnerService service;

    @Inject
    CurrentTenant tenant;

    @Inject
    IdempotencyKeys idempotencyKeys;

    @POST
    @RolesAllowed({Roles.OWNER, Roles.MEMBER})
    @Operation(operationId = "createPartner", summary = "Create a partner",
            description = "Records a referral partner or source and announces it with a PartnerCreated event.")
    @APIResponse(responseCode = "201", description = "Created (or, on a retry with the same key, the first answer)",
            content = @Content(schema = @Schema(implementation = PartnerView.class)))
    @APIResponse(responseCode = "409", description = "A partner with this email already exists; "
            + "`existingPartnerId` names it", content = @Content(mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "duplicate", value = DUPLICATE_EXAMPLE)))
    @Transactional
    public Response create(
            @Parameter(description = "Makes retries safe: the same key returns the first answer and creates nothing",
                    example = "crm-sync-4711")
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @NotNull @Valid PartnerRequests.Create request, @Context UriInfo uri) {
        String tenantId = tenant.id();
        return idempotencyKeys.execute(tenantId, idempotencyKey, request, PartnerView.class,
                () -> PartnerMapper.toView(service.create(tenantId, request)),
                view -> Response.created(uri.getAbsolutePathBuilder().path(view.id().toString()).build()).entity(view));
    }

    @GET
    @RolesAllowed({Roles.OWNER, Roles.MEMBER, Roles.VIEWER})
    @Operation(operationId = "listPartners", summary = "List partners", description = "Sorted by name.")
    @APIResponse(responseCode = "200", description = "One page of partners")
    public Page<PartnerView> list(@Valid @BeanParam PageRequest page) {
        return service.list(tenant.id(), page).map(PartnerMapper::toView);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OWNER, Roles.MEMBER, Roles.VIEWER})
    @Operation(operationId = "getPartner", summary = "Get a partner")
    @APIResponse(responseCode = "200", description = "The partner",
            content = @Content(schema = @Schema(implementation = PartnerView.class)))
    public PartnerView get(@PathParam("id") UUID id) {
        return PartnerMapper.toView(service.get(tenant.id(), id));
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @RolesAllowed({Roles.OWNER, Roles.MEMBER})
    @Operation(operationId = "updatePartner", summary = "Update a partner",
            description = "Merge patch: only the fields sent change. Announces a PartnerUpdated event if anything did.")
    @APIResponse(responseCode = "200", description = "The updated partner",
            content = @Content(schema = @Schema(implementation = PartnerView.class)))
    @APIResponse(responseCode = "409", description = "Another partner already has this email",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public PartnerView update(@PathParam("id") UUID id, @NotNull @Valid PartnerRequests.Update request) {
        return PartnerMapper.toView(service.update(tenant.id(), id, request));
    }
}
