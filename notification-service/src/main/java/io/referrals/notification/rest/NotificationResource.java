package io.referrals.notification.rest;

import io.referrals.notification.entity.NotificationKind;
import io.referrals.notification.entity.NotificationStatus;
import io.referrals.notification.service.mail.NotificationCommands;
import io.referrals.notification.service.mail.NotificationService;
import io.referrals.platform.page.Page;
import io.referrals.platform.problem.Problem;
import io.referrals.platform.rest.PageRequest;
import io.referrals.platform.tenant.CurrentTenant;
import io.referrals.platform.tenant.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/notifications")
@Tag(name = "Notifications", description = "Thank-yous and updates to referrers: drafts, sending and history")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NotificationResource {
    private static final String CONFLICT =
            "Not a draft (or the consent, an unsubscribe or the partner's email preferences no longer allow it); "
                    + "`status` names where it stands";

    @Inject
    NotificationService notifications;

    @Inject
    CurrentTenant tenant;

    @GET
    @RolesAllowed({Roles.OWNER, Roles.MEMBER, Roles.VIEWER})
    @Operation(
            operationId = "listNotifications",
            summary = "List notifications",
            description = "Messages written for the practice, newest first: drafts to review, queued, sent, failed.")
    @APIResponse(responseCode = "200", description = "One page of notifications")
    public Page<NotificationView> list(
            @Parameter(description = "Only those addressed to this partner") @QueryParam("partnerId") UUID partnerId,
            @Parameter(description = "Only those in this status", example = "drafted") @QueryParam("status")
                    NotificationStatus status,
            @Parameter(description = "Only those of this kind", example = "referral_thank_you") @QueryParam("kind")
                    NotificationKind kind,
            @Valid @BeanParam PageRequest page) {
        return notifications
                .list(tenant.id(), partnerId, status, kind, page.paging())
                .map(NotificationView::of);
    }

    @POST
    @RolesAllowed({Roles.OWNER, Roles.MEMBER})
    @Operation(
            operationId = "composeNotification",
            summary = "Start a message",
            description = "Writes a message no event writes from the practice's template: a pleased check-in about a"
                    + " converted referral (consent outcome), an outreach to a prospective partner, an introduction of"
                    + " two partners. Drafted for review unless the practice auto-sends that kind.")
    @RequestBody(
            content =
                    @Content(
                            examples =
                                    @ExampleObject(
                                            name = "introduction",
                                            value =
                                                    "{\"kind\":\"partner_introduction\",\"partnerId\":\"0b6f8c1e-4a57-4c1f-9a53-2f1e0c3d9a11\",\"otherPartnerId\":\"5d2e7a90-1b3c-4d5e-8f70-6a1b2c3d4e5f\"}")))
    @APIResponse(
            responseCode = "201",
            description = "Written",
            content = @Content(schema = @Schema(implementation = NotificationView.class)))
    @APIResponse(
            responseCode = "409",
            description = "A pleased check-in about that referral exists",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "422",
            description = "The referred person's consent does not allow it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response compose(@NotNull @Valid NotificationCommands.Compose command, @Context UriInfo uri) {
        NotificationView view = NotificationView.of(notifications.compose(tenant.id(), command));
        return Response.created(
                        uri.getAbsolutePathBuilder().path(view.id().toString()).build())
                .entity(view)
                .build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OWNER, Roles.MEMBER, Roles.VIEWER})
    @Operation(operationId = "getNotification", summary = "Get a notification")
    @APIResponse(
            responseCode = "200",
            description = "The notification",
            content = @Content(schema = @Schema(implementation = NotificationView.class)))
    public NotificationView get(@PathParam("id") UUID id) {
        return NotificationView.of(notifications.get(tenant.id(), id));
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed({Roles.OWNER, Roles.MEMBER})
    @Operation(
            operationId = "editNotification",
            summary = "Edit a draft",
            description = "Changes the subject and/or the plain-text body of a drafted message; the HTML part follows"
                    + " the text, escaped. Should the referred person narrow their consent before it is sent, the"
                    + " draft is re-rendered from the template (the edit is replaced) or withdrawn.")
    @RequestBody(
            content =
                    @Content(
                            examples =
                                    @ExampleObject(
                                            name = "personal touch",
                                            value =
                                                    "{\"subject\":\"Thank you, Dana!\",\"body\":\"Dear Dana,\\n\\nThank you so much for thinking of us.\\n\\nJordan\"}")))
    @APIResponse(
            responseCode = "200",
            description = "The edited draft",
            content = @Content(schema = @Schema(implementation = NotificationView.class)))
    @APIResponse(
            responseCode = "409",
            description = CONFLICT,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public NotificationView edit(@PathParam("id") UUID id, @NotNull @Valid NotificationCommands.Edit edit) {
        return NotificationView.of(notifications.edit(tenant.id(), id, edit));
    }

    @POST
    @Path("/{id}/send")
    @RolesAllowed({Roles.OWNER, Roles.MEMBER})
    @Operation(
            operationId = "sendNotification",
            summary = "Send a draft",
            description = "Queues a drafted message; the sender delivers it by SMTP within seconds and retries with"
                    + " growing pauses for up to 24 hours. Checked against the referral's latest consent first.")
    @APIResponse(
            responseCode = "200",
            description = "Queued",
            content = @Content(schema = @Schema(implementation = NotificationView.class)))
    @APIResponse(
            responseCode = "409",
            description = CONFLICT,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public NotificationView send(@PathParam("id") UUID id) {
        return NotificationView.of(notifications.send(tenant.id(), id));
    }

    @POST
    @Path("/{id}/dismiss")
    @RolesAllowed({Roles.OWNER, Roles.MEMBER})
    @Operation(operationId = "dismissNotification", summary = "Dismiss a draft", description = "It is never sent.")
    @APIResponse(
            responseCode = "200",
            description = "Dismissed",
            content = @Content(schema = @Schema(implementation = NotificationView.class)))
    @APIResponse(
            responseCode = "409",
            description = CONFLICT,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public NotificationView dismiss(@PathParam("id") UUID id) {
        return NotificationView.of(notifications.dismiss(tenant.id(), id));
    }

    @GET
    @Path("/settings")
    @RolesAllowed({Roles.OWNER, Roles.MEMBER, Roles.VIEWER})
    @Operation(
            operationId = "getNotificationSettings",
            summary = "Get the notification settings",
            description = "Which kinds are sent automatically and which drafted (the default), the practice's name,"
                    + " reply-to address and signature, and the daily digest.")
    @APIResponse(
            responseCode = "200",
            description = "The settings",
            content = @Content(schema = @Schema(implementation = SettingsView.class)))
    public SettingsView settings() {
        return SettingsView.of(notifications.settings(tenant.id()));
    }

    @PUT
    @Path("/settings")
    @RolesAllowed({Roles.OWNER, Roles.MEMBER})
    @Operation(
            operationId = "putNotificationSettings",
            summary = "Replace the notification settings",
            description = "Applies to messages written from now on.")
    @RequestBody(
            content =
                    @Content(
                            examples =
                                    @ExampleObject(
                                            name = "thank automatically",
                                            value =
                                                    "{\"practiceName\":\"Blake Coaching\",\"replyTo\":\"jordan@blakecoaching.example\",\"signature\":\"Jordan Blake\",\"program\":\"coaching program\",\"autoSend\":[\"referral_thank_you\"],\"digestEnabled\":true,\"digestEmail\":\"jordan@blakecoaching.example\"}")))
    @APIResponse(
            responseCode = "200",
            description = "The new settings",
            content = @Content(schema = @Schema(implementation = SettingsView.class)))
    public SettingsView putSettings(@NotNull @Valid NotificationCommands.Settings command) {
        return SettingsView.of(notifications.putSettings(tenant.id(), command));
    }
}
