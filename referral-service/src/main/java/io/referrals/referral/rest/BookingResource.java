package io.referrals.referral.rest;

import io.referrals.events.booking.BookingProvider;
import io.referrals.platform.page.Page;
import io.referrals.platform.problem.Problem;
import io.referrals.platform.rest.PageRequest;
import io.referrals.platform.tenant.CurrentTenant;
import io.referrals.platform.tenant.Roles;
import io.referrals.referral.entity.Booking;
import io.referrals.referral.service.BookingIntegrationCommands;
import io.referrals.referral.service.BookingReceiver;
import io.referrals.referral.service.BookingService;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Bookings: the practice's list of them (unmatched ones to match or dismiss), and the public receiving URLs the
 * scheduling tools post to, whose checks are {@link BookingReceiver}'s.
 */
@Path("/api/bookings")
@Tag(name = "Bookings", description = "Booking integrations (Cal.com, Calendly) and the bookings they report")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BookingResource {
    static final String CALCOM_SIGNATURE = "X-Cal-Signature-256";
    static final String CALENDLY_SIGNATURE = "Calendly-Webhook-Signature";

    @Inject
    BookingService service;

    @Inject
    BookingReceiver receiver;

    @Inject
    CurrentTenant tenant;

    @GET
    @RolesAllowed({Roles.OWNER, Roles.MEMBER, Roles.VIEWER})
    @Operation(
            operationId = "listBookings",
            summary = "List bookings",
            description = "Bookings in one state, newest first; by default the unmatched ones, which wait for the "
                    + "practice to match them to a referral or dismiss them.")
    @APIResponse(responseCode = "200", description = "One page of bookings")
    @APIResponse(
            responseCode = "400",
            description = "Unknown state, or invalid paging",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Page<BookingView> list(
            @Parameter(
                            description = "unmatched (default), matched or dismissed",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"unmatched", "matched", "dismissed"},
                                            defaultValue = "unmatched"))
                    @QueryParam("state")
                    @DefaultValue("unmatched")
                    @Pattern(
                            regexp = "unmatched|matched|dismissed",
                            message = "must be unmatched, matched or dismissed")
                    String state,
            @Valid @BeanParam PageRequest page) {
        return service.list(tenant.id(), Booking.State.valueOf(state.toUpperCase(Locale.ROOT)), page.paging())
                .map(BookingView::of);
    }

    @POST
    @Path("/{id}/match")
    @RolesAllowed({Roles.OWNER, Roles.MEMBER})
    @Operation(
            operationId = "matchBooking",
            summary = "Match an unmatched booking to a referral",
            description = "As if the booking had come with the referral's code: the referral's consultation is the "
                    + "booking's time and, if it was received or contacted, it moves to consultation_booked (with "
                    + "its status change and events); announced as referral.booking-changed MATCHED. The referral "
                    + "must be open (received, contacted or consultation_booked).")
    @APIResponse(
            responseCode = "200",
            description = "The booking, matched",
            content = @Content(schema = @Schema(implementation = BookingView.class)))
    @APIResponse(
            responseCode = "400",
            description = "referralId missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "404",
            description = "No booking, or no referral, of this practice has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "409",
            description = "The booking is matched or dismissed already (booking-not-unmatched), or the referral is "
                    + "converted or closed (referral-not-open)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public BookingView match(@PathParam("id") UUID id, @NotNull @Valid BookingIntegrationCommands.Match request) {
        return BookingView.of(service.match(tenant.id(), id, request.referralId()));
    }

    @POST
    @Path("/{id}/dismiss")
    @RolesAllowed({Roles.OWNER, Roles.MEMBER})
    @Operation(
            operationId = "dismissBooking",
            summary = "Dismiss an unmatched booking",
            description = "It belongs to no referral; announced as referral.booking-changed DISMISSED (which closes "
                    + "its task).")
    @APIResponse(
            responseCode = "200",
            description = "The booking, dismissed",
            content = @Content(schema = @Schema(implementation = BookingView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No booking of this practice has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "409",
            description = "The booking is matched or dismissed already (booking-not-unmatched)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public BookingView dismiss(@PathParam("id") UUID id) {
        return BookingView.of(service.dismiss(tenant.id(), id));
    }

    @POST
    @Path("/calcom/{token}")
    @PermitAll
    @SecurityRequirements
    @Operation(
            operationId = "receiveCalcomBooking",
            summary = "Receive a Cal.com webhook delivery",
            description = "The receiving URL of a Cal.com integration: no bearer token, the token names the "
                    + "practice. `X-Cal-Signature-256` must be the lowercase hex HMAC-SHA256 of the raw body keyed "
                    + "with the integration's secret. BOOKING_CREATED, BOOKING_RESCHEDULED (payload.uid the new "
                    + "booking, payload.rescheduleUid the old), BOOKING_CANCELLED and BOOKING_NO_SHOW_UPDATED are "
                    + "applied, once per trigger and uid; other triggers are answered ignored. A booking is matched "
                    + "by payload.metadata.ref (the booking link's code), else by the attendee's email.")
    @RequestBody(content = @Content(schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(
            responseCode = "200",
            description = "Accepted (also a duplicate or an ignored trigger: nothing for the provider to retry)",
            content = @Content(schema = @Schema(implementation = BookingReceipt.class)))
    @APIResponse(
            responseCode = "400",
            description = "Not a JSON object, or a known trigger without the fields it needs; nothing changed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "401",
            description = "Signature missing or wrong (booking-signature-invalid); nothing changed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "404",
            description = "No active Cal.com integration has this token (unknown, rotated away or removed)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "413",
            description = "Body larger than 64 KB",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "429",
            description = "The integration's deliveries per minute are used up",
            headers =
                    @Header(
                            name = HttpHeaders.RETRY_AFTER,
                            description = "Seconds until the next minute",
                            schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public BookingReceipt receiveCalcom(
            @Parameter(description = "The receiving URL's token") @PathParam("token") String token,
            @Parameter(description = "Hex HMAC-SHA256 of the raw body") @HeaderParam(CALCOM_SIGNATURE) String signature,
            byte[] body) {
        return BookingReceipt.of(receiver.receive(BookingProvider.CALCOM, token, body, signature));
    }

    @POST
    @Path("/calendly/{token}")
    @PermitAll
    @SecurityRequirements
    @Operation(
            operationId = "receiveCalendlyBooking",
            summary = "Receive a Calendly webhook delivery",
            description = "The receiving URL of a Calendly integration: no bearer token, the token names the "
                    + "practice. `Calendly-Webhook-Signature: t=<unix seconds>,v1=<hex>` with v1 the HMAC-SHA256 of "
                    + "`t.` and the raw body keyed with the webhook signing key, t at most 3 minutes (configurable) "
                    + "from now. invitee.created (with old_invitee: a reschedule), invitee.canceled (with "
                    + "rescheduled: true it is the reschedule's other half, and ignored) and "
                    + "invitee_no_show.created are applied, once per event and invitee URI; other events are "
                    + "answered ignored. A booking is matched by tracking.utm_content (the booking link's code), "
                    + "else by the invitee's email.")
    @RequestBody(content = @Content(schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(
            responseCode = "200",
            description = "Accepted (also a duplicate or an ignored event: nothing for the provider to retry)",
            content = @Content(schema = @Schema(implementation = BookingReceipt.class)))
    @APIResponse(
            responseCode = "400",
            description = "Not a JSON object, or a known event without the fields it needs; nothing changed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "401",
            description = "Signature missing or wrong (booking-signature-invalid), or its timestamp stale "
                    + "(booking-signature-stale); nothing changed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "404",
            description = "No active Calendly integration has this token (unknown, rotated away or removed)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "413",
            description = "Body larger than 64 KB",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "429",
            description = "The integration's deliveries per minute are used up",
            headers =
                    @Header(
                            name = HttpHeaders.RETRY_AFTER,
                            description = "Seconds until the next minute",
                            schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public BookingReceipt receiveCalendly(
            @Parameter(description = "The receiving URL's token") @PathParam("token") String token,
            @Parameter(description = "t=<unix seconds>,v1=<hex HMAC-SHA256>") @HeaderParam(CALENDLY_SIGNATURE)
                    String signature,
            byte[] body) {
        return BookingReceipt.of(receiver.receive(BookingProvider.CALENDLY, token, body, signature));
    }
}
