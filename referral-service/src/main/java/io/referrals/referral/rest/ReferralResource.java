package io.referrals.referral.rest;

import io.referrals.events.ReferralChannel;
import io.referrals.platform.idempotency.IdempotencyKeys;
import io.referrals.platform.page.Page;
import io.referrals.platform.problem.Problem;
import io.referrals.platform.rest.IdempotentCreate;
import io.referrals.platform.rest.PageRequest;
import io.referrals.platform.tenant.CurrentTenant;
import io.referrals.platform.tenant.Roles;
import io.referrals.referral.service.ReferralCommands;
import io.referrals.referral.service.ReferralService;
import io.referrals.referral.service.RetriesBookingCodeCollision;
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
import jakarta.ws.rs.PUT;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/referrals")
@Tag(name = "Referrals", description = "Referrals the practice receives, from intake to conversion")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReferralResource {

    @Inject
    ReferralService service;

    @Inject
    ReferralViews views;

    @Inject
    IdempotentCreate creates;

    @Inject
    CurrentTenant tenant;

    @POST
    @Transactional
    @RetriesBookingCodeCollision
    @RolesAllowed({Roles.OWNER, Roles.MEMBER})
    @Operation(
            operationId = "receiveReferral",
            summary = "Record an inbound referral",
            description = "Records a person referred by a known partner and announces it with a ReferralReceived "
                    + "event. Send an Idempotency-Key to make retries safe.")
    @APIResponse(
            responseCode = "201",
            description = "Recorded (or, on a retry with the same key, the first answer)",
            headers =
                    @Header(
                            name = IdempotencyKeys.REPLAYED_HEADER,
                            description = "true when this is a replay",
                            schema = @Schema(type = SchemaType.BOOLEAN)),
            content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(
            responseCode = "422",
            description = "Unknown partner, or Idempotency-Key reused with another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response receive(
            @Parameter(
                            description =
                                    "Makes retries safe: the same key returns the first answer and creates nothing",
                            example = "3f0c2a9e-referral-42")
                    @HeaderParam(IdempotencyKeys.HEADER)
                    String idempotencyKey,
            @NotNull @Valid ReferralCommands.Receive request,
            @Context UriInfo uri) {
        String tenantId = tenant.id();
        return creates.created(
                tenantId,
                idempotencyKey,
                request,
                ReferralView.class,
                ReferralView::id,
                () -> views.ofReceived(service.record(tenantId, request, ReferralChannel.API, null)),
                uri);
    }

    @GET
    @RolesAllowed({Roles.OWNER, Roles.MEMBER, Roles.VIEWER})
    @Operation(
            operationId = "listReferrals",
            summary = "List referrals",
            description = "Newest first, narrowed by partner, status, overdue first contact and receipt date range.")
    @APIResponse(responseCode = "200", description = "One page of referrals")
    public Page<ReferralView> list(@BeanParam ReferralFilter filter, @Valid @BeanParam PageRequest page) {
        return views.page(tenant.id(), service.list(tenant.id(), filter.toQuery(), page.paging()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OWNER, Roles.MEMBER, Roles.VIEWER})
    @Operation(operationId = "getReferral", summary = "Get a referral")
    @APIResponse(
            responseCode = "200",
            description = "The referral",
            content = @Content(schema = @Schema(implementation = ReferralView.class)))
    public ReferralView get(@PathParam("id") UUID id) {
        return views.of(service.get(tenant.id(), id));
    }

    @POST
    @Path("/{id}/conversion")
    @RolesAllowed({Roles.OWNER, Roles.MEMBER})
    @Operation(
            operationId = "convertReferral",
            summary = "Mark a referral converted",
            description = "The referred person became a client. Announces a ReferralConverted event carrying the "
                    + "program value, which metrics attribute to the referring partner.")
    @APIResponse(
            responseCode = "200",
            description = "The converted referral",
            content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(
            responseCode = "409",
            description = "The referral is already converted or closed; the problem "
                    + "lists currentStatus and the allowed statuses",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public ReferralView convert(@PathParam("id") UUID id, @NotNull @Valid ReferralCommands.Convert request) {
        return views.of(service.convert(tenant.id(), id, request));
    }

    @POST
    @Path("/{id}/status")
    @RolesAllowed({Roles.OWNER, Roles.MEMBER})
    @Operation(
            operationId = "changeReferralStatus",
            summary = "Move a referral along its lifecycle",
            description = "received -> contacted -> consultation_booked (a step may be skipped), then converted "
                    + "(with programValue and currency), not_a_fit, declined or no_response from any open status; "
                    + "those four are final. The step is dated in the history and announced as "
                    + "ReferralStatusChanged, plus ReferralConverted or ReferralClosed when the referral ends there.")
    @APIResponse(
            responseCode = "200",
            description = "The referral in its new status",
            content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(
            responseCode = "409",
            description = "Not allowed from the current status; the problem lists " + "currentStatus and allowed",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(ref = "Problem"),
                            examples = @ExampleObject(name = "illegal-transition", value = ILLEGAL_TRANSITION)))
    public ReferralView changeStatus(@PathParam("id") UUID id, @NotNull @Valid ReferralCommands.ChangeStatus request) {
        return views.of(service.changeStatus(tenant.id(), id, request));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.OWNER, Roles.MEMBER, Roles.VIEWER})
    @Operation(
            operationId = "getReferralHistory",
            summary = "A referral's status history",
            description = "Oldest first; the first entry is the receipt.")
    @APIResponse(responseCode = "200", description = "The dated status changes")
    public List<StatusChangeView> history(@PathParam("id") UUID id) {
        return service.history(tenant.id(), id).stream()
                .map(StatusChangeView::of)
                .toList();
    }

    @PUT
    @Path("/{id}/consent")
    @RolesAllowed({Roles.OWNER, Roles.MEMBER})
    @Operation(
            operationId = "changeReferralConsent",
            summary = "Record what the referred person now allows",
            description = "none, contact_made or outcome: what the referrer may be told. The change is dated in the "
                    + "consent history, and every later event about the referral carries it.")
    @APIResponse(
            responseCode = "200",
            description = "The referral with its new consent",
            content = @Content(schema = @Schema(implementation = ReferralView.class)))
    public ReferralView changeConsent(
            @PathParam("id") UUID id, @NotNull @Valid ReferralCommands.ChangeConsent request) {
        return views.of(service.changeConsent(tenant.id(), id, request));
    }

    @PUT
    @Path("/{id}/attribution")
    @RolesAllowed({Roles.OWNER, Roles.MEMBER})
    @Operation(
            operationId = "decideReferralAttribution",
            summary = "Confirm or reject an unverified attribution",
            description = "A public intake request that named a known partner by email is attributed to them "
                    + "unverified: no fee is owed until the practice confirms. Confirming owes the fee of the "
                    + "partner's agreement (also for a conversion already recorded); rejecting never does.")
    @APIResponse(
            responseCode = "200",
            description = "The referral with its decided attribution",
            content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(
            responseCode = "409",
            description = "The attribution is not unverified (already decided, or never needed a decision)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public ReferralView decideAttribution(
            @PathParam("id") UUID id, @NotNull @Valid ReferralCommands.DecideAttribution request) {
        return views.of(service.decideAttribution(tenant.id(), id, request));
    }

    @POST
    @Path("/{id}/pleased-check-in")
    @RolesAllowed({Roles.OWNER, Roles.MEMBER})
    @Operation(
            operationId = "answerReferralPleasedCheckIn",
            summary = "Record whether the referred client is pleased",
            description = "The answer to a converted referral's pleased check-in, announced as "
                    + "ReferralPleasedCheckInAnswered: a pleased answer lets a running pleased_check_in campaign ask "
                    + "the partner again (at most once per referral). A second answer replaces the first and is "
                    + "announced again.")
    @APIResponse(
            responseCode = "200",
            description = "The referral with its answer",
            content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(
            responseCode = "400",
            description = "pleased missing or not a boolean",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "404",
            description = "No such referral in this practice",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "409",
            description = "Not a converted referral credited to a partner (problem no-pleased-check-in, with "
                    + "currentStatus and attribution)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public ReferralView answerPleasedCheckIn(
            @PathParam("id") UUID id, @NotNull @Valid ReferralCommands.PleasedCheckIn request) {
        return views.of(service.answerPleasedCheckIn(tenant.id(), id, request));
    }

    @GET
    @Path("/{id}/consent-history")
    @RolesAllowed({Roles.OWNER, Roles.MEMBER, Roles.VIEWER})
    @Operation(
            operationId = "getReferralConsentHistory",
            summary = "A referral's consent history",
            description = "Oldest first; the first entry is the consent given at receipt.")
    @APIResponse(responseCode = "200", description = "The dated consents")
    public List<ConsentChangeView> consentHistory(@PathParam("id") UUID id) {
        return service.consentHistory(tenant.id(), id).stream()
                .map(ConsentChangeView::of)
                .toList();
    }

    static final String ILLEGAL_TRANSITION = """
            {"type":"https://referrals.example/problems/illegal-transition","title":"Illegal status change","status":409,
             "detail":"A referral that is converted cannot become contacted.","currentStatus":"converted","allowed":[]}""";
}
