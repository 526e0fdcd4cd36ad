package io.referrals.partner.rest;

import io.referrals.partner.service.AgreementCommands;
import io.referrals.partner.service.AgreementService;
import io.referrals.platform.idempotency.IdempotencyKeys;
import io.referrals.platform.problem.Problem;
import io.referrals.platform.rest.IdempotentCreate;
import io.referrals.platform.tenant.CurrentTenant;
import io.referrals.platform.tenant.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/partners/{partnerId}/agreements")
@Tag(name = "Agreements", description = "Referral agreements with partners: fees, direction and their history")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AgreementResource {
    private static final String COMPLIANCE_EXAMPLE = """
            {"type":"https://referrals.example/problems/compliance-acknowledgement-required",\
            "title":"Compliance acknowledgement required","status":422,\
            "detail":"Licensing boards restrict or forbid referral fees for some professions (therapists, financial \
            advisors, ...), and this partner's profession is licensed. Check that their board allows \
            referral_fee_percent and send complianceAcknowledged: true, or choose compensation that does not pay \
            the partner (none or client_discount_percent)."}""";
    private static final String NOT_ACTIVE_EXAMPLE = """
            {"type":"https://referrals.example/problems/agreement-not-active","title":"Agreement is not active",\
            "status":409,"detail":"Only an active agreement can end; this one is superseded.",\
            "agreementStatus":"superseded"}""";

    @Inject
    AgreementService service;

    @Inject
    CurrentTenant tenant;

    @Inject
    IdempotentCreate creates;

    @POST
    @RolesAllowed({Roles.OWNER, Roles.MEMBER})
    @Operation(
            operationId = "createAgreement",
            summary = "Agree on terms with a partner",
            description = "Records the terms and makes them the partner's active agreement: the partner becomes a "
                    + "referral partner. An agreement already active is superseded (AgreementEnded, reason "
                    + "superseded), then the new one is announced (AgreementActivated, with its compensation).")
    @APIResponse(
            responseCode = "201",
            description = "The active agreement",
            content = @Content(schema = @Schema(implementation = AgreementView.class)))
    @APIResponse(
            responseCode = "409",
            description = "The partner is archived",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "422",
            description = "The partner is paid and their profession is licensed, but "
                    + "`complianceAcknowledged` is not true",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(ref = "Problem"),
                            examples = @ExampleObject(name = "compliance", value = COMPLIANCE_EXAMPLE)))
    @Transactional
    public Response create(
            @PathParam("partnerId") UUID partnerId,
            @Parameter(
                            description =
                                    "Makes retries safe: a retry returns the first answer instead of superseding it",
                            example = "agreement-dana-2026")
                    @HeaderParam(IdempotencyKeys.HEADER)
                    String idempotencyKey,
            @NotNull @Valid AgreementCommands.Create request,
            @Context UriInfo uri) {
        String tenantId = tenant.id();
        return creates.created(
                tenantId,
                idempotencyKey,
                List.of(partnerId, request),
                AgreementView.class,
                AgreementView::id,
                () -> AgreementView.of(service.create(tenantId, partnerId, request, tenant.userId())),
                uri);
    }

    @GET
    @RolesAllowed({Roles.OWNER, Roles.MEMBER, Roles.VIEWER})
    @Operation(
            operationId = "listAgreements",
            summary = "The partner's agreements, newest first",
            description = "Active, superseded and ended alike.")
    @APIResponse(responseCode = "200", description = "Every agreement of the partner")
    public List<AgreementView> list(@PathParam("partnerId") UUID partnerId) {
        return service.list(tenant.id(), partnerId).stream()
                .map(AgreementView::of)
                .toList();
    }

    @GET
    @Path("/{agreementId}")
    @RolesAllowed({Roles.OWNER, Roles.MEMBER, Roles.VIEWER})
    @Operation(operationId = "getAgreement", summary = "Get an agreement")
    @APIResponse(
            responseCode = "200",
            description = "The agreement",
            content = @Content(schema = @Schema(implementation = AgreementView.class)))
    public AgreementView get(@PathParam("partnerId") UUID partnerId, @PathParam("agreementId") UUID agreementId) {
        return AgreementView.of(service.get(tenant.id(), partnerId, agreementId));
    }

    @POST
    @Path("/{agreementId}/end")
    @RolesAllowed({Roles.OWNER, Roles.MEMBER})
    @Operation(
            operationId = "endAgreement",
            summary = "End the active agreement",
            description = "The partner goes back to being a referral source. Announced as AgreementEnded with the "
                    + "reason given.")
    @APIResponse(
            responseCode = "200",
            description = "The ended agreement",
            content = @Content(schema = @Schema(implementation = AgreementView.class)))
    @APIResponse(
            responseCode = "409",
            description = "The agreement is not active; `agreementStatus` says what it is",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(ref = "Problem"),
                            examples = @ExampleObject(name = "not active", value = NOT_ACTIVE_EXAMPLE)))
    public AgreementView end(
            @PathParam("partnerId") UUID partnerId,
            @PathParam("agreementId") UUID agreementId,
            @NotNull @Valid AgreementCommands.End request) {
        return AgreementView.of(service.end(tenant.id(), partnerId, agreementId, request));
    }
}
