package io.referrals.partner.rest;

import io.referrals.partner.entity.Practice;
import io.referrals.partner.service.PracticeProfile;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/practice")
@Tag(name = "Practice")
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
    public PracticeProfile get() {
        return profileOf(service.get(tenant.id()));
    }

    @PUT
    @RolesAllowed({Roles.OWNER, Roles.MEMBER})
    @Operation(
            operationId = "putPractice",
            summary = "Replace the practice's profile",
            description = "Re-scores every partner's fit against the new ideal referral.")
    @APIResponse(responseCode = "200", description = "The stored profile")
    public PracticeProfile put(@NotNull @Valid PracticeProfile profile) {
        return profileOf(service.put(tenant.id(), profile));
    }

    private static PracticeProfile profileOf(Practice p) {
        return new PracticeProfile(
                List.copyOf(p.services),
                new PracticeProfile.IdealReferral(
                        p.idealDemographics, p.idealPsychographics, p.idealSituation, p.idealReadiness),
                List.copyOf(p.niches),
                p.defaultCheckInCadenceDays,
                p.monthlyReferralGoal,
                p.timeZone,
                p.updatedAt);
    }
}
