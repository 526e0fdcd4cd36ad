package io.referrals.partner.rest;

import io.referrals.partner.service.PartnerCommands;
import io.referrals.partner.service.PartnerService;
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
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/partners")
@Tag(
        name = "Partners",
        description = "The practice's referral partners and sources, their touchpoints and CSV import/export")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PartnerResource {
    private static final String DUPLICATE_EXAMPLE = """
            {"type":"https://referrals.example/problems/duplicate-partner","title":"Partner already exists",\
            "status":409,"detail":"A partner with email dana@leecounseling.example already exists in this practice.",\
            "existingPartnerId":"0b7c1f0e-8f8e-4a4b-9a53-2b8d1c3f5e61"}""";
    private static final String ILLEGAL_TRANSITION_EXAMPLE = """
            {"type":"https://referrals.example/problems/illegal-transition","title":"Stage change not allowed",\
            "status":409,"detail":"A partner cannot move from identified to trusted.","currentStage":"identified",\
            "allowed":["reached_out","dormant","ended"]}""";

    @Inject
    PartnerService service;

    @Inject
    CurrentTenant tenant;

    @Inject
    IdempotentCreate creates;

    @POST
    @RolesAllowed({Roles.OWNER, Roles.MEMBER})
    @Transactional
    @Operation(
            operationId = "createPartner",
            summary = "Create a partner",
            description = "Records a referral partner or source and announces it with a PartnerCreated event.")
    @APIResponse(
            responseCode = "201",
            description = "Created (or, on a retry with the same key, the first answer)",
            content = @Content(schema = @Schema(implementation = PartnerView.class)))
    @APIResponse(
            responseCode = "409",
            description = "A partner with this email already exists; " + "`existingPartnerId` names it",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(ref = "Problem"),
                            examples = @ExampleObject(name = "duplicate", value = DUPLICATE_EXAMPLE)))
    @APIResponse(
            responseCode = "422",
            description = "Idempotency-Key reused with another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response create(
            @Parameter(
                            description =
                                    "Makes retries safe: the same key returns the first answer and creates nothing",
                            example = "crm-sync-4711")
                    @HeaderParam(IdempotencyKeys.HEADER)
                    String idempotencyKey,
            @NotNull @Valid PartnerCommands.Create request,
            @Context UriInfo uri) {
        String tenantId = tenant.id();
        return creates.created(
                tenantId,
                idempotencyKey,
                request,
                PartnerView.class,
                PartnerView::id,
                () -> PartnerView.of(service.create(tenantId, request, tenant.userId())),
                uri);
    }

    @GET
    @RolesAllowed({Roles.OWNER, Roles.MEMBER, Roles.VIEWER})
    @Operation(
            operationId = "listPartners",
            summary = "List partners",
            description = "Filtered by category, alliance type, stage, tag, candidate, review flag or free text; "
                    + "sorted by name unless `sort` says otherwise. Archived partners only with `archived=true`.")
    @APIResponse(responseCode = "200", description = "One page of partners")
    public Page<PartnerView> list(@Valid @BeanParam PartnerFilter filter, @Valid @BeanParam PageRequest page) {
        return service.list(tenant.id(), filter.toCriteria(), page.paging()).map(PartnerView::of);
    }

    @GET
    @Path("/check-ins-due")
    @RolesAllowed({Roles.OWNER, Roles.MEMBER, Roles.VIEWER})
    @Operation(
            operationId = "listCheckInsDue",
            summary = "Partners due a check-in",
            description = "Active partners whose next check-in falls before `before` (default now), most overdue "
                    + "first. The next check-in is one cadence after the last touchpoint.")
    @APIResponse(responseCode = "200", description = "Partners to contact")
    public List<PartnerView> checkInsDue(
            @Parameter(description = "ISO-8601 instant; defaults to now", example = "2026-12-01T00:00:00Z")
                    @QueryParam("before")
                    Instant before,
            @Parameter(description = "At most this many, 1 to 500")
                    @QueryParam("limit")
                    @DefaultValue("100")
                    @Min(1) @Max(500) int limit) {
        return service.dueForCheckIn(tenant.id(), before, limit).stream()
                .map(PartnerView::of)
                .toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OWNER, Roles.MEMBER, Roles.VIEWER})
    @Operation(operationId = "getPartner", summary = "Get a partner")
    @APIResponse(
            responseCode = "200",
            description = "The partner",
            content = @Content(schema = @Schema(implementation = PartnerView.class)))
    public PartnerView get(@PathParam("id") UUID id) {
        return PartnerView.of(service.get(tenant.id(), id));
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @RolesAllowed({Roles.OWNER, Roles.MEMBER})
    @Operation(
            operationId = "updatePartner",
            summary = "Update a partner",
            description = "Merge patch: only the fields sent change (an empty string clears a text, [] a list, "
                    + "0 the cadence override). Announces PartnerUpdated when name, email or category change.")
    @APIResponse(
            responseCode = "200",
            description = "The updated partner",
            content = @Content(schema = @Schema(implementation = PartnerView.class)))
    @APIResponse(
            responseCode = "409",
            description = "Another partner already has this email, or the partner is " + "archived",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public PartnerView update(@PathParam("id") UUID id, @NotNull @Valid PartnerCommands.Update request) {
        return PartnerView.of(service.update(tenant.id(), id, request));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.OWNER, Roles.MEMBER})
    @Operation(
            operationId = "archivePartner",
            summary = "Archive a partner",
            description = "A soft delete: the partner leaves the list and can be restored; its history is kept. "
                    + "Announces PartnerArchived.")
    @APIResponse(
            responseCode = "200",
            description = "The archived partner",
            content = @Content(schema = @Schema(implementation = PartnerView.class)))
    public PartnerView archive(@PathParam("id") UUID id) {
        return PartnerView.of(service.archive(tenant.id(), id, true));
    }

    @POST
    @Path("/{id}/restore")
    @RolesAllowed({Roles.OWNER, Roles.MEMBER})
    @Operation(operationId = "restorePartner", summary = "Restore an archived partner")
    @APIResponse(
            responseCode = "200",
            description = "The restored partner",
            content = @Content(schema = @Schema(implementation = PartnerView.class)))
    public PartnerView restore(@PathParam("id") UUID id) {
        return PartnerView.of(service.archive(tenant.id(), id, false));
    }

    @POST
    @Path("/{id}/stage-transitions")
    @RolesAllowed({Roles.OWNER, Roles.MEMBER})
    @Operation(
            operationId = "transitionPartnerStage",
            summary = "Move the relationship to another stage",
            description = "identified -> reached_out -> building_rapport -> mutual_benefit_agreed -> trusted, one step "
                    + "at a time; any active stage may go dormant or end (with a reason); dormant and ended partners "
                    + "can be revived. Recorded in the history and announced as PartnerStageChanged.")
    @APIResponse(
            responseCode = "200",
            description = "The partner in its new stage",
            content = @Content(schema = @Schema(implementation = PartnerView.class)))
    @APIResponse(
            responseCode = "409",
            description = "Not allowed from the current stage; `allowed` lists what is",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(ref = "Problem"),
                            examples = @ExampleObject(name = "illegal", value = ILLEGAL_TRANSITION_EXAMPLE)))
    public PartnerView transition(@PathParam("id") UUID id, @NotNull @Valid PartnerCommands.StageTransition request) {
        return PartnerView.of(service.transition(tenant.id(), id, request, tenant.userId()));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.OWNER, Roles.MEMBER, Roles.VIEWER})
    @Operation(operationId = "getPartnerHistory", summary = "The relationship's dated history, oldest first")
    @APIResponse(responseCode = "200", description = "Every stage change")
    public List<StageChangeView> history(@PathParam("id") UUID id) {
        return service.history(tenant.id(), id).stream()
                .map(StageChangeView::of)
                .toList();
    }
}
