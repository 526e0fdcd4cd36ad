package io.referrals.metrics.rest;

import io.referrals.metrics.service.MetricsQueries;
import io.referrals.platform.tenant.CurrentTenant;
import io.referrals.platform.tenant.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/metrics")
@Tag(name = "Metrics")
@Produces(MediaType.APPLICATION_JSON)
public class MetricsResource {

    @Inject
    MetricsQueries queries;

    @Inject
    CurrentTenant tenant;

    @GET
    @Path("/partners/{partnerId}")
    @RolesAllowed({Roles.OWNER, Roles.MEMBER, Roles.VIEWER})
    @Operation(operationId = "getPartnerMetrics", summary = "Referral metrics of one partner",
            description = "Referrals received and converted, conversion rate, time to convert and revenue attributed. "
                    + "Built from events, so a referral shows here a moment after it is recorded.")
    @APIResponse(responseCode = "200", description = "The partner's metrics",
            content = @Content(schema = @Schema(implementation = PartnerMetricsView.class)))
    public PartnerMetricsView partner(@PathParam("partnerId") UUID partnerId) {
        return PartnerMetricsView.of(queries.partner(tenant.id(), partnerId));
    }
}
