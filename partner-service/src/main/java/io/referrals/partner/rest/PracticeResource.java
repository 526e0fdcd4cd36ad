package io.referrals.partner.rest;

import io.referrals.partner.service.PracticeCommands;
import io.referrals.partner.service.PracticeService;
import io.referrals.platform.tenant.CurrentTenant;
import io.referrals.platform.tenant.Roles;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/practice")
@Tag(name = "Practice", description = "The practice's own profile and referral kit")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PracticeResource {

    @Inject
    PracticeService service;

    @Inject
    CurrentTenant tenant;

    @GET
    @RolesAllowed({Roles.OWNER, Roles.MEMBER, Roles.VIEWER})
    @Operation(
            operationId = "getPractice",
            summary = "The practice's profile",
            description = "Defaults (monthly check-ins, no niches) until the practice describes itself.")
    @APIResponse(responseCode = "200", description = "The profile")
    public PracticeView get() {
        return PracticeView.of(service.get(tenant.id()));
    }

    @PUT
    @RolesAllowed({Roles.OWNER, Roles.MEMBER})
    @Operation(
            operationId = "putPractice",
            summary = "Replace the practice's profile",
            description = "Re-scores every partner's fit against the new ideal referral.")
    @APIResponse(responseCode = "200", description = "The stored profile")
    public PracticeView put(@NotNull @Valid PracticeCommands.Put profile) {
        return PracticeView.of(service.put(tenant.id(), profile));
    }
}
