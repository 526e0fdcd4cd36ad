package io.referrals.partner.rest;

import io.referrals.partner.entity.CampaignStatus;
import io.referrals.partner.service.CampaignCommands;
import io.referrals.partner.service.CampaignReads;
import io.referrals.partner.service.CampaignService;
import io.referrals.platform.page.Page;
import io.referrals.platform.problem.Problem;
import io.referrals.platform.rest.PageRequest;
import io.referrals.platform.tenant.CurrentTenant;
import io.referrals.platform.tenant.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/campaigns")
@Tag(
        name = "Campaigns",
        description = "Referral campaigns: an ask to a chosen audience of partners, with variants to compare")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CampaignResource {
    private static final String STARTED_EXAMPLE = """
            {"type":"https://referrals.example/problems/campaign-started","title":"Campaign has started",\
            "status":409,"detail":"What a started campaign assigned never changes: its audience, variants and weights \
            are frozen once it runs.","campaignStatus":"running"}""";
    private static final String STATUS_EXAMPLE = """
            {"type":"https://referrals.example/problems/campaign-status","title":"Campaign cannot become running",\
            "status":409,"detail":"This campaign is ended; it cannot become running.","campaignStatus":"ended","allowed":[]}""";
    private static final String INVALID_EXAMPLE = """
            {"type":"https://referrals.example/problems/campaign-link-missing","title":"The ask has no campaign link",\
            "status":422,"detail":"Variant b: askBody must contain {campaignLink}, the link a referral is attributed \
            to the campaign by."}""";
    private static final String RULES = "The window is empty or longer than 366 days, the audience is both filtered "
            + "and listed, variant keys repeat, an ask uses an unknown placeholder or its body lacks {campaignLink}, "
            + "or an incentive is not a campaign incentive; `detail` says which";

    @Inject
    CampaignService service;

    @Inject
    CurrentTenant tenant;

    @GET
    @RolesAllowed({Roles.OWNER, Roles.MEMBER, Roles.VIEWER})
    @Operation(operationId = "listCampaigns", summary = "List campaigns", description = "Newest first.")
    @APIResponse(responseCode = "200", description = "One page of campaigns")
    public Page<CampaignView> list(
            @Parameter(description = "Only campaigns in this status") @QueryParam("status") CampaignStatus status,
            @Valid @BeanParam PageRequest page) {
        return service.list(tenant.id(), status, page.paging()).map(CampaignView::of);
    }

    @POST
    @RolesAllowed({Roles.OWNER, Roles.MEMBER})
    @Operation(
            operationId = "createCampaign",
            summary = "Create a campaign",
            description = "A draft: nothing is asked until it is started (now, or by scheduling it). Its assignment "
                    + "seed is drawn now and never changes.")
    @APIResponse(
            responseCode = "201",
            description = "The draft",
            content = @Content(schema = @Schema(implementation = CampaignView.class)))
    @APIResponse(
            responseCode = "422",
            description = RULES,
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(ref = "Problem"),
                            examples = @ExampleObject(name = "no link", value = INVALID_EXAMPLE)))
    public Response create(@NotNull @Valid CampaignCommands.Save request, @Context UriInfo uri) {
        CampaignView created =
                CampaignView.of(new CampaignReads.Entry(service.create(tenant.id(), request, tenant.userId()), 0));
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(created.id().toString())
                        .build())
                .entity(created)
                .build();
    }

    @POST
    @Path("/audience-preview")
    @RolesAllowed({Roles.OWNER, Roles.MEMBER, Roles.VIEWER})
    @Operation(
            operationId = "previewCampaignAudience",
            summary = "Who an audience would ask",
            description = "For the create flow, before saving: the partners the audience selects now, and those the "
                    + "overlap rule excludes (assigned in another scheduled or running campaign whose window overlaps "
                    + "[startsAt, endsAt); default from now, open-ended).")
    @APIResponse(
            responseCode = "200",
            description = "One page of the audience",
            content = @Content(schema = @Schema(implementation = AudiencePreviewView.class)))
    @APIResponse(
            responseCode = "422",
            description = "The audience is both filtered and listed, or the window is empty",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public AudiencePreviewView previewAudience(
            @NotNull @Valid CampaignCommands.Audience audience,
            @Parameter(description = "The campaign's start; defaults to now", example = "2027-03-01T00:00:00Z")
                    @QueryParam("startsAt")
                    Instant startsAt,
            @Parameter(description = "The campaign's end; defaults to open-ended", example = "2027-04-01T00:00:00Z")
                    @QueryParam("endsAt")
                    Instant endsAt,
            @Valid @BeanParam PageRequest page) {
        return AudiencePreviewView.of(service.previewAudience(tenant.id(), audience, startsAt, endsAt, page.paging()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OWNER, Roles.MEMBER, Roles.VIEWER})
    @Operation(operationId = "getCampaign", summary = "Get a campaign")
    @APIResponse(
            responseCode = "200",
            description = "The campaign",
            content = @Content(schema = @Schema(implementation = CampaignView.class)))
    public CampaignView get(@PathParam("id") UUID id) {
        return CampaignView.of(service.get(tenant.id(), id));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.OWNER, Roles.MEMBER})
    @Operation(
            operationId = "updateCampaign",
            summary = "Rewrite a draft or scheduled campaign",
            description = "Replaces name, window, audience and variants. A started campaign never changes.")
    @APIResponse(
            responseCode = "200",
            description = "The campaign",
            content = @Content(schema = @Schema(implementation = CampaignView.class)))
    @APIResponse(
            responseCode = "409",
            description = "The campaign is running or ended (`campaign-started`)",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(ref = "Problem"),
                            examples = @ExampleObject(name = "started", value = STARTED_EXAMPLE)))
    @APIResponse(
            responseCode = "422",
            description = RULES + "; or a scheduled campaign's startsAt has passed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public CampaignView update(@PathParam("id") UUID id, @NotNull @Valid CampaignCommands.Save request) {
        service.update(tenant.id(), id, request);
        return CampaignView.of(service.get(tenant.id(), id));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.OWNER, Roles.MEMBER})
    @Operation(operationId = "deleteCampaign", summary = "Delete a draft")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(
            responseCode = "409",
            description = "The campaign is not a draft (`campaign-not-draft`, or `campaign-started`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response delete(@PathParam("id") UUID id) {
        service.delete(tenant.id(), id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/schedule")
    @RolesAllowed({Roles.OWNER, Roles.MEMBER})
    @Operation(
            operationId = "scheduleCampaign",
            summary = "Schedule a draft",
            description = "partner-service starts it at its startsAt (checked every 30 seconds).")
    @APIResponse(
            responseCode = "200",
            description = "The scheduled campaign",
            content = @Content(schema = @Schema(implementation = CampaignView.class)))
    @APIResponse(
            responseCode = "409",
            description = "The campaign is not a draft (`campaign-status`)",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(ref = "Problem"),
                            examples = @ExampleObject(name = "status", value = STATUS_EXAMPLE)))
    @APIResponse(
            responseCode = "422",
            description = "startsAt has passed: start it instead",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public CampaignView schedule(@PathParam("id") UUID id) {
        service.schedule(tenant.id(), id);
        return CampaignView.of(service.get(tenant.id(), id));
    }

    @POST
    @Path("/{id}/unschedule")
    @RolesAllowed({Roles.OWNER, Roles.MEMBER})
    @Operation(
            operationId = "unscheduleCampaign",
            summary = "Call off a scheduled campaign",
            description =
                    "Back to a draft before it starts (it has asked nobody yet): to edit, schedule later or delete.")
    @APIResponse(
            responseCode = "200",
            description = "The campaign, a draft again",
            content = @Content(schema = @Schema(implementation = CampaignView.class)))
    @APIResponse(
            responseCode = "409",
            description = "The campaign is not scheduled (`campaign-status`)",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(ref = "Problem"),
                            examples = @ExampleObject(name = "status", value = STATUS_EXAMPLE)))
    public CampaignView unschedule(@PathParam("id") UUID id) {
        service.unschedule(tenant.id(), id);
        return CampaignView.of(service.get(tenant.id(), id));
    }

    @POST
    @Path("/{id}/start")
    @RolesAllowed({Roles.OWNER, Roles.MEMBER})
    @Operation(
            operationId = "startCampaign",
            summary = "Start a campaign now",
            description = "A draft or scheduled campaign runs from now (a later startsAt becomes now): each partner of "
                    + "the audience is assigned their variant and announced (CampaignStarted, then one "
                    + "CampaignAskAssigned per partner; none for a pleased_check_in campaign, which asks as "
                    + "check-ins come).")
    @APIResponse(
            responseCode = "200",
            description = "The running campaign",
            content = @Content(schema = @Schema(implementation = CampaignView.class)))
    @APIResponse(
            responseCode = "409",
            description = "The campaign is running or ended (`campaign-status`)",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(ref = "Problem"),
                            examples = @ExampleObject(name = "status", value = STATUS_EXAMPLE)))
    @APIResponse(
            responseCode = "422",
            description = "endsAt has passed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public CampaignView start(@PathParam("id") UUID id) {
        service.start(tenant.id(), id);
        return CampaignView.of(service.get(tenant.id(), id));
    }

    @POST
    @Path("/{id}/end")
    @RolesAllowed({Roles.OWNER, Roles.MEMBER})
    @Operation(
            operationId = "endCampaign",
            summary = "End a running campaign now",
            description = "Announced as CampaignEnded; referrals after now are no longer attributed to it.")
    @APIResponse(
            responseCode = "200",
            description = "The ended campaign",
            content = @Content(schema = @Schema(implementation = CampaignView.class)))
    @APIResponse(
            responseCode = "409",
            description = "The campaign is not running (`campaign-status`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public CampaignView end(@PathParam("id") UUID id) {
        service.end(tenant.id(), id);
        return CampaignView.of(service.get(tenant.id(), id));
    }

    @GET
    @Path("/{id}/audience")
    @RolesAllowed({Roles.OWNER, Roles.MEMBER, Roles.VIEWER})
    @Operation(
            operationId = "getCampaignAudience",
            summary = "A campaign's audience",
            description = "Draft or scheduled: who would be asked if it started now, and who the overlap rule "
                    + "excludes. Running or ended: who was assigned, with their variant.")
    @APIResponse(
            responseCode = "200",
            description = "One page of the audience",
            content = @Content(schema = @Schema(implementation = AudiencePreviewView.class)))
    public AudiencePreviewView audience(@PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
        return AudiencePreviewView.of(service.audience(tenant.id(), id, page.paging()));
    }

    @GET
    @Path("/{id}/asks/preview")
    @RolesAllowed({Roles.OWNER, Roles.MEMBER, Roles.VIEWER})
    @Operation(
            operationId = "previewCampaignAsk",
            summary = "A variant's ask as a partner reads it",
            description = "Placeholders filled for the first partner of the audience (or example values); the link "
                    + "is an example, never a real one.")
    @APIResponse(
            responseCode = "200",
            description = "The rendered ask",
            content = @Content(schema = @Schema(implementation = AskPreviewView.class)))
    public AskPreviewView askPreview(
            @PathParam("id") UUID id,
            @Parameter(description = "The variant's key; defaults to the first variant", example = "a")
                    @QueryParam("variant")
                    @Pattern(regexp = CampaignCommands.KEY_PATTERN) String variant) {
        return AskPreviewView.of(service.askPreview(tenant.id(), id, variant));
    }
}
