package io.referrals.notification.rest;

import io.referrals.notification.mapping.WebhookCatalogue;
import io.referrals.notification.service.webhook.WebhookCommands;
import io.referrals.notification.service.webhook.WebhookService;
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
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/webhooks")
@Tag(name = "Webhooks", description = "Webhooks the practice subscribes to the platform's events")
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {

    @Inject
    WebhookService webhooks;

    @Inject
    CurrentTenant tenant;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OWNER, Roles.MEMBER})
    @Operation(
            operationId = "createWebhook",
            summary = "Subscribe an endpoint",
            description = "An https endpoint on the public internet that receives the listed events as signed"
                    + " CloudEvents (Standard Webhooks headers). The answer carries the signing secret, this once.")
    @APIResponse(
            responseCode = "201",
            description = "Subscribed; `secret` is shown this once",
            content = @Content(schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(
            responseCode = "422",
            description = "The URL is refused (plain http, or a host that resolves to an internal address)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response create(@NotNull @Valid WebhookCommands.Create command) {
        WebhookService.WithSecret created = webhooks.create(tenant.id(), command);
        return Response.status(201)
                .entity(WebhookView.of(created.subscription(), created.secret()))
                .build();
    }

    @GET
    @RolesAllowed({Roles.OWNER, Roles.MEMBER, Roles.VIEWER})
    @Operation(operationId = "listWebhooks", summary = "List webhooks and REST hooks", description = "Oldest first.")
    public Page<WebhookView> list(@Valid @BeanParam PageRequest page) {
        return webhooks.list(tenant.id(), page.paging()).map(WebhookView::of);
    }

    @GET
    @Path("/event-types")
    @RolesAllowed({Roles.OWNER, Roles.MEMBER, Roles.VIEWER})
    @Operation(
            operationId = "listWebhookEventTypes",
            summary = "The events an endpoint can subscribe to",
            description = "Each with the JSON Schema of its data and a sample CloudEvent.")
    public List<EventTypeView> eventTypes() {
        return WebhookCatalogue.all().stream().map(EventTypeView::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OWNER, Roles.MEMBER, Roles.VIEWER})
    @Operation(operationId = "getWebhook", summary = "Read a webhook (never its secret)")
    public WebhookView get(@PathParam("id") UUID id) {
        return WebhookView.of(webhooks.get(tenant.id(), id));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OWNER, Roles.MEMBER})
    @Operation(operationId = "updateWebhook", summary = "Change the events, the description, or enable/disable it")
    public WebhookView update(@PathParam("id") UUID id, @NotNull @Valid WebhookCommands.Update command) {
        return WebhookView.of(webhooks.update(tenant.id(), id, command));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.OWNER, Roles.MEMBER})
    @Operation(operationId = "deleteWebhook", summary = "Delete a webhook and its delivery log")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") UUID id) {
        webhooks.delete(tenant.id(), id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/rotate-secret")
    @RolesAllowed({Roles.OWNER, Roles.MEMBER})
    @Operation(
            operationId = "rotateWebhookSecret",
            summary = "Rotate the signing secret",
            description = "Answers the new secret, this once. For 24 hours every delivery carries two signatures,"
                    + " under the new and the old secret, so that the receiver can switch without losing any.")
    public WebhookView rotate(@PathParam("id") UUID id) {
        WebhookService.WithSecret rotated = webhooks.rotate(tenant.id(), id);
        return WebhookView.of(rotated.subscription(), rotated.secret());
    }

    @POST
    @Path("/{id}/test")
    @RolesAllowed({Roles.OWNER, Roles.MEMBER})
    @Operation(operationId = "testWebhook", summary = "Send a webhook.test event now")
    @APIResponse(
            responseCode = "202",
            description = "Queued; its delivery log shows the attempt",
            content = @Content(schema = @Schema(implementation = DeliveryView.class)))
    public Response test(@PathParam("id") UUID id) {
        return Response.accepted(DeliveryView.of(webhooks.test(tenant.id(), id)))
                .build();
    }

    @GET
    @Path("/{id}/deliveries")
    @RolesAllowed({Roles.OWNER, Roles.MEMBER, Roles.VIEWER})
    @Operation(
            operationId = "listWebhookDeliveries",
            summary = "The delivery log",
            description = "Newest first; each delivery with every attempt: time, status code, latency, the first 1 KB"
                    + " of the answer.")
    public Page<DeliveryView> deliveries(@PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
        return webhooks.deliveries(tenant.id(), id, page.paging()).map(DeliveryView::of);
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/redeliver")
    @RolesAllowed({Roles.OWNER, Roles.MEMBER})
    @Operation(
            operationId = "redeliverWebhook",
            summary = "Send a delivery again",
            description = "Now, with the same webhook-id, retried as a new delivery would be.")
    @APIResponse(
            responseCode = "202",
            description = "Queued",
            content = @Content(schema = @Schema(implementation = DeliveryView.class)))
    public Response redeliver(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        return Response.accepted(DeliveryView.of(webhooks.redeliver(tenant.id(), id, deliveryId)))
                .build();
    }
}
