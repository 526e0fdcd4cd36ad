package io.referrals.referral.rest;

import io.referrals.platform.problem.Problem;
import io.referrals.platform.tenant.CurrentTenant;
import io.referrals.platform.tenant.Roles;
import io.referrals.referral.service.BookingIntegrationCommands;
import io.referrals.referral.service.BookingIntegrationService;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/booking-integrations")
@Tag(name = "Bookings", description = "Booking integrations (Cal.com, Calendly) and the bookings they report")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BookingIntegrationResource {
    @Inject
    BookingIntegrationService service;

    @Inject
    CurrentTenant tenant;

    @POST
    @RolesAllowed(Roles.OWNER)
    @Operation(
            operationId = "connectBookingIntegration",
            summary = "Connect the practice's scheduling tool (Cal.com or Calendly)",
            description = "Answers the receiving URL to paste into the provider's webhook settings (Cal.com: "
                    + "Settings → Developer → Webhooks; Calendly: Integrations → API & Webhooks), shown in full in "
                    + "this answer only (its token is stored hashed). Calendly: give the webhook signing key it "
                    + "shows. Cal.com: give the secret you set, or leave it out and copy the one made here (shown "
                    + "once). The secret is stored encrypted and never shown again. One integration per practice. "
                    + "Owner only.")
    @APIResponse(
            responseCode = "201",
            description = "Connected; the only answer that shows the receiving URL in full",
            headers =
                    @Header(
                            name = "Location",
                            description = "The integration's address",
                            schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(schema = @Schema(implementation = BookingIntegrationSecretView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid field (provider, bookingPageUrl, signingSecret; Calendly without a signing key)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "409",
            description = "The practice has an integration already (booking-integration-exists)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response connect(@NotNull @Valid BookingIntegrationCommands.Connect request, @Context UriInfo uri) {
        BookingIntegrationService.WithSecrets made = service.connect(tenant.id(), request);
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(made.integration().id.toString())
                        .build())
                .entity(withSecrets(made, uri))
                .build();
    }

    @GET
    @RolesAllowed({Roles.OWNER, Roles.MEMBER, Roles.VIEWER})
    @Operation(
            operationId = "listBookingIntegrations",
            summary = "List the practice's booking integrations",
            description = "The active one, if connected (0 or 1). Never a secret; the receiving URL elided.")
    @APIResponse(
            responseCode = "200",
            description = "The active integrations",
            content =
                    @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = BookingIntegrationView.class)))
    public List<BookingIntegrationView> list(@Context UriInfo uri) {
        return service.list(tenant.id()).stream()
                .map(i -> BookingIntegrationView.of(i, service.receivingUrl(i, null, uri.getBaseUri())))
                .toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OWNER, Roles.MEMBER, Roles.VIEWER})
    @Operation(
            operationId = "getBookingIntegration",
            summary = "Get a booking integration",
            description = "Without its secret; the receiving URL elided. A removed one is not found.")
    @APIResponse(
            responseCode = "200",
            description = "The integration",
            content = @Content(schema = @Schema(implementation = BookingIntegrationView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No active integration of this practice has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public BookingIntegrationView get(@PathParam("id") UUID id, @Context UriInfo uri) {
        var integration = service.get(tenant.id(), id);
        return BookingIntegrationView.of(integration, service.receivingUrl(integration, null, uri.getBaseUri()));
    }

    @POST
    @Path("/{id}/rotate")
    @RolesAllowed(Roles.OWNER)
    @Operation(
            operationId = "rotateBookingIntegration",
            summary = "Rotate a booking integration's signing secret, and optionally its receiving URL",
            description = "The new secret is the one given (Calendly requires it: Calendly makes it), or for "
                    + "Cal.com one made here and shown in this answer only. With newReceivingUrl a new receiving URL "
                    + "is issued (shown in full in this answer only) and the old one answers 404 from now on. "
                    + "Deliveries signed with the old secret are refused from now on. Owner only.")
    @APIResponse(
            responseCode = "200",
            description = "The integration with what is shown once",
            content = @Content(schema = @Schema(implementation = BookingIntegrationSecretView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid signingSecret, or Calendly without one",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "404",
            description = "No active integration of this practice has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public BookingIntegrationSecretView rotate(
            @PathParam("id") UUID id, @Valid BookingIntegrationCommands.Rotate request, @Context UriInfo uri) {
        return withSecrets(service.rotate(tenant.id(), id, request), uri);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.OWNER)
    @Operation(
            operationId = "removeBookingIntegration",
            summary = "Remove a booking integration",
            description = "Its receiving URL answers 404 from now on; its bookings stay. Owner only.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(
            responseCode = "404",
            description = "No active integration of this practice has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response remove(@PathParam("id") UUID id) {
        service.remove(tenant.id(), id);
        return Response.noContent().build();
    }

    private BookingIntegrationSecretView withSecrets(BookingIntegrationService.WithSecrets made, UriInfo uri) {
        return BookingIntegrationSecretView.of(
                made.integration(),
                service.receivingUrl(made.integration(), made.token(), uri.getBaseUri()),
                made.generatedSecret());
    }
}
