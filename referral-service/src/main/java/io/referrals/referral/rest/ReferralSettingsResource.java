package io.referrals.referral.rest;

import io.referrals.platform.tenant.CurrentTenant;
import io.referrals.platform.tenant.Roles;
import io.referrals.referral.service.ReferralSettingsService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/referral-settings")
@Tag(name = "Referral settings", description = "The practice's referral settings, e.g. the first-contact deadline")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReferralSettingsResource {

    @Inject
    ReferralSettingsService service;

    @Inject
    CurrentTenant tenant;

    @GET
    @RolesAllowed({Roles.OWNER, Roles.MEMBER, Roles.VIEWER})
    @Operation(
            operationId = "getReferralSettings",
            summary = "The practice's referral settings",
            description = "firstContactHours defaults to 48.")
    @APIResponse(
            responseCode = "200",
            description = "The settings",
            content = @Content(schema = @Schema(implementation = ReferralSettingsView.class)))
    public ReferralSettingsView get() {
        return new ReferralSettingsView(service.firstContactHours(tenant.id()));
    }

    @PUT
    @RolesAllowed({Roles.OWNER, Roles.MEMBER})
    @Operation(
            operationId = "updateReferralSettings",
            summary = "Change the practice's referral settings",
            description = "A new firstContactHours applies to referrals received from now on.")
    @APIResponse(
            responseCode = "200",
            description = "The settings now in force",
            content = @Content(schema = @Schema(implementation = ReferralSettingsView.class)))
    public ReferralSettingsView update(@NotNull @Valid ReferralSettingsView request) {
        return new ReferralSettingsView(service.setFirstContactHours(tenant.id(), request.firstContactHours()));
    }
}
