package io.referrals.notification.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.referrals.notification.mapping.WebhookCatalogue;
import io.referrals.notification.service.webhook.WebhookCommands;
import io.referrals.notification.service.webhook.WebhookService;
import io.referrals.platform.problem.ProblemException;
import io.referrals.platform.tenant.CurrentTenant;
import io.referrals.platform.tenant.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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

/** Zapier REST hooks: an integration subscribes and unsubscribes by itself, one event per hook. */
@Path("/api/hooks")
@Tag(name = "Webhooks", description = "Webhooks the practice subscribes to the platform's events")
@Produces(MediaType.APPLICATION_JSON)
public class HookResource {

    @Inject
    WebhookService webhooks;

    @Inject
    CurrentTenant tenant;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OWNER, Roles.MEMBER})
    @Operation(
            operationId = "subscribeHook",
            summary = "Subscribe a REST hook (Zapier)",
            description = "`{target_url, event}`; answers the hook's id, which unsubscribes it. A 410 Gone from the"
                    + " target unsubscribes it too.")
    @APIResponse(
            responseCode = "201",
            description = "Subscribed",
            content = @Content(schema = @Schema(implementation = HookView.class)))
    public Response subscribe(@NotNull @Valid WebhookCommands.Hook command) {
        return Response.status(201)
                .entity(HookView.of(webhooks.createHook(tenant.id(), command)))
                .build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.OWNER, Roles.MEMBER})
    @Operation(operationId = "unsubscribeHook", summary = "Unsubscribe a REST hook")
    @APIResponse(responseCode = "204", description = "Unsubscribed")
    public Response unsubscribe(@PathParam("id") UUID id) {
        webhooks.deleteHook(tenant.id(), id);
        return Response.noContent().build();
    }

    @GET
    @Path("/samples/{event}")
    @RolesAllowed({Roles.OWNER, Roles.MEMBER, Roles.VIEWER})
    @Operation(
            operationId = "hookSample",
            summary = "A sample of an event",
            description = "A list with one CloudEvent as the target would receive it: what Zapier shows while a Zap"
                    + " is built (its perform-list shape).")
    public List<JsonNode> sample(@PathParam("event") String event) {
        return List.of(WebhookCatalogue.sample(
                WebhookCatalogue.byName(event).orElseThrow(() -> ProblemException.notFound("Event type", event))));
    }
}
