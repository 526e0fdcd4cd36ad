package io.referrals.referral.rest;

import io.referrals.platform.problem.Problem;
import io.referrals.platform.tenant.CurrentTenant;
import io.referrals.platform.tenant.Roles;
import io.referrals.referral.service.GivenReferralService;
import io.referrals.referral.service.PeopleCommands;
import io.referrals.referral.service.PeopleService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A referred person's right to see and to erase what the practice holds about them, in this service. */
@Path("/api/people")
@Tag(name = "People", description = "A referred person's data: export and erasure")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PeopleResource {
    @Inject
    PeopleService service;

    @Inject
    GivenReferralService given;

    @Inject
    ReferralViews views;

    @Inject
    CurrentTenant tenant;

    @GET
    @RolesAllowed(Roles.OWNER)
    @Operation(
            operationId = "exportPerson",
            summary = "Everything held here about a referred person",
            description = "Found by their email (case-insensitive) or phone (same digits): their referrals with "
                    + "status and consent history and notes, and the referrals the practice gave about them. Owner "
                    + "only. notification-service answers for the messages that named them.")
    @APIResponse(
            responseCode = "200",
            description = "The person's data; empty lists when none is held",
            content = @Content(schema = @Schema(implementation = PersonDataView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Neither email nor phone given, or one is not valid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public PersonDataView export(
            @QueryParam("email") @Email @Size(max = 320) String email,
            @QueryParam("phone")
                    @Size(max = 40) @Pattern(regexp = "^\\+?[0-9 ()./-]{5,40}$", message = "must be a phone number")
                    String phone) {
        String tenantId = tenant.id();
        PeopleService.PersonData data = service.export(tenantId, new PeopleCommands.Person(email, phone));
        return new PersonDataView(
                "referral-service",
                data.referrals().stream()
                        .map(r -> new PersonDataView.PersonReferral(
                                views.of(r),
                                data.statusHistory().get(r.id).stream()
                                        .map(StatusChangeView::of)
                                        .toList(),
                                data.consentHistory().get(r.id).stream()
                                        .map(ConsentChangeView::of)
                                        .toList()))
                        .toList(),
                data.givenReferrals().stream()
                        .map(g -> GivenReferralView.of(g, given.partnerName(tenantId, g.partnerId)))
                        .toList(),
                data.bookings().stream().map(BookingView::of).toList());
    }

    @POST
    @Path("/erasure")
    @RolesAllowed(Roles.OWNER)
    @Operation(
            operationId = "erasePerson",
            summary = "Erase a referred person",
            description = "Drops their name, contact details, needs and notes from their referrals, the histories "
                    + "and referrals given about them, keeping ids, dates, statuses and amounts so the numbers stay "
                    + "right, and announces PersonErased (naming no one) so that notification-service erases them "
                    + "from its messages and drafts. Owner only. A second request finds nothing and changes nothing.")
    @APIResponse(
            responseCode = "200",
            description = "What was erased",
            content = @Content(schema = @Schema(implementation = PersonDataView.ErasureView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Neither email nor phone given, or one is not valid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public PersonDataView.ErasureView erase(@NotNull @Valid PeopleCommands.Person person) {
        PeopleService.Erasure erasure = service.erase(tenant.id(), person);
        return new PersonDataView.ErasureView(erasure.referralIds(), erasure.givenReferralIds(), erasure.bookingIds());
    }
}
