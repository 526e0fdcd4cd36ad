package io.referrals.referral.rest;

import io.referrals.platform.page.Page;
import io.referrals.platform.problem.Problem;
import io.referrals.platform.rest.PageRequest;
import io.referrals.platform.tenant.CurrentTenant;
import io.referrals.platform.tenant.Roles;
import io.referrals.referral.service.IntakeLinkCommands;
import io.referrals.referral.service.IntakeLinkService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/intake-links")
@Tag(
        name = "Intake links",
        description = "Links through which partners, forms and schedulers post referrals without a token")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class IntakeLinkResource {
    private static final String CREATED_EXAMPLE = """
            {"id":"5d2c8a71-3b4e-4f6a-9c0d-1e2f3a4b5c6d","name":"Website referral form","signed":true,
             "rateLimitPerMinute":60,"createdAt":"2026-11-23T16:00:00Z",
             "token":"il_9mQ3yZk0c1hT7uJ2bX4eV8rN6pL5sD0aF3gH1jK2lM4",
             "signingSecret":"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwKq3Yz0bC1dE="}""";

    @Inject
    IntakeLinkService service;

    @Inject
    CurrentTenant tenant;

    @POST
    @RolesAllowed({Roles.OWNER, Roles.MEMBER})
    @Operation(
            operationId = "createIntakeLink",
            summary = "Create an intake link",
            description = "Creates a secret address, `POST /api/intake/{token}`, through which form builders, "
                    + "schedulers and Zapier-style webhooks post referrals without a bearer token. The token (and, "
                    + "for a signed link, the Standard Webhooks signing secret) is in this answer only: it is stored "
                    + "hashed and cannot be shown again. With `partnerId` the link is that partner's personal "
                    + "referral link.")
    @APIResponse(
            responseCode = "201",
            description = "Created; the only answer that shows the token",
            content =
                    @Content(
                            schema = @Schema(implementation = IntakeLinkView.class),
                            examples = @ExampleObject(name = "signed", value = CREATED_EXAMPLE)))
    @APIResponse(
            responseCode = "422",
            description = "The partner is not known in this practice",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response create(@NotNull @Valid IntakeLinkCommands.Create request, @Context UriInfo uri) {
        IntakeLinkView view = IntakeLinkView.withSecrets(service.create(tenant.id(), request));
        return Response.created(
                        uri.getAbsolutePathBuilder().path(view.id().toString()).build())
                .entity(view)
                .build();
    }

    @GET
    @RolesAllowed({Roles.OWNER, Roles.MEMBER, Roles.VIEWER})
    @Operation(
            operationId = "listIntakeLinks",
            summary = "List intake links",
            description = "Newest first, revoked ones included (with revokedAt). Never shows tokens or secrets.")
    @APIResponse(responseCode = "200", description = "One page of intake links")
    public Page<IntakeLinkView> list(@Valid @BeanParam PageRequest page) {
        return service.list(tenant.id(), page.paging()).map(IntakeLinkView::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OWNER, Roles.MEMBER, Roles.VIEWER})
    @Operation(operationId = "getIntakeLink", summary = "Get an intake link", description = "Without its secrets.")
    @APIResponse(
            responseCode = "200",
            description = "The intake link",
            content = @Content(schema = @Schema(implementation = IntakeLinkView.class)))
    public IntakeLinkView get(@PathParam("id") UUID id) {
        return IntakeLinkView.of(service.get(tenant.id(), id));
    }

    @POST
    @Path("/{id}/rotate")
    @RolesAllowed({Roles.OWNER, Roles.MEMBER})
    @Operation(
            operationId = "rotateIntakeLink",
            summary = "Rotate an intake link's secrets",
            description = "Issues a new token (and signing secret for a signed link), shown in this answer only. "
                    + "The old ones stop working at once.")
    @APIResponse(
            responseCode = "200",
            description = "The link with its new secrets",
            content =
                    @Content(
                            schema = @Schema(implementation = IntakeLinkView.class),
                            examples = @ExampleObject(name = "signed", value = CREATED_EXAMPLE)))
    @APIResponse(
            responseCode = "409",
            description = "The link is revoked",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public IntakeLinkView rotate(@PathParam("id") UUID id) {
        return IntakeLinkView.withSecrets(service.rotate(tenant.id(), id));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.OWNER, Roles.MEMBER})
    @Operation(
            operationId = "revokeIntakeLink",
            summary = "Revoke an intake link",
            description = "Its token answers 404 from now on. The link stays listed with revokedAt. Revoking again "
                    + "changes nothing.")
    @APIResponse(responseCode = "204", description = "Revoked")
    public Response revoke(@PathParam("id") UUID id) {
        service.revoke(tenant.id(), id);
        return Response.noContent().build();
    }
}
