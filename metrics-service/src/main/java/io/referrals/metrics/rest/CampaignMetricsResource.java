package io.referrals.metrics.rest;

import io.referrals.metrics.service.campaign.CampaignResults;
import io.referrals.platform.problem.ProblemException;
import io.referrals.platform.tenant.CurrentTenant;
import io.referrals.platform.tenant.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Campaign results (issue 29): per variant, what each ask brought, with the chance each is best. */
@Path("/api/metrics/campaigns")
@Tag(name = "Campaigns", description = "What each campaign and variant brought")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OWNER, Roles.MEMBER, Roles.VIEWER})
public class CampaignMetricsResource {
    @Inject
    CampaignResults results;

    @Inject
    CurrentTenant tenant;

    @GET
    @Operation(
            operationId = "listCampaignMetrics",
            summary = "Campaigns with their totals",
            description = "The practice's started campaigns (running or ended), newest start first, with partners"
                    + " asked, referrals attributed and conversions. Built from events, so a moment late.")
    @APIResponse(
            responseCode = "200",
            description = "The campaigns",
            content = @Content(schema = @Schema(implementation = CampaignListView.class)))
    public CampaignListView list() {
        return CampaignListView.of(results.list(tenant.id()));
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getCampaignResults",
            summary = "A campaign's results per variant",
            description = "Per variant: partners asked (opens are not tracked), partners referring, referrals by"
                    + " link and by other channel, conversions, revenue, incentive cost, net revenue per asked partner;"
                    + " the rates with 95 % credible intervals (prior Beta(1, 1)); the chance each variant is best and"
                    + " the expected loss of choosing it; a plain-words verdict on the goal's rate. No p-values: the"
                    + " method and its limits are in metrics-service's README.")
    @APIResponse(
            responseCode = "200",
            description = "The results",
            content = @Content(schema = @Schema(implementation = CampaignResultsView.class)))
    @APIResponse(
            responseCode = "422",
            description = "difference-out-of-range: difference is not between 0.02 and 0.5",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/Problem")))
    public CampaignResultsView results(
            @PathParam("id")
                    @Parameter(description = "The campaign's id", example = "5b0c2f3e-8a4d-4e7b-9c1a-2d3e4f5a6b7c")
                    String id,
            @QueryParam("difference")
                    @Parameter(
                            description = "The smallest difference in the goal's rate worth knowing, 0.02 to 0.5"
                                    + " (default: the campaign's own difference worth knowing, else 0.10, ten"
                                    + " percentage points): how many more trials the verdict asks"
                                    + " for, and what it counts as a negligible loss (a tenth of it)",
                            example = "0.10",
                            schema =
                                    @Schema(
                                            type =
                                                    org.eclipse.microprofile.openapi.annotations.enums.SchemaType
                                                            .NUMBER))
                    String difference) {
        return CampaignResultsView.of(results.results(tenant.id(), uuid(id), decimal(difference)));
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("id", "must be a UUID");
        }
    }

    private static BigDecimal decimal(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField("difference", "must be a number such as 0.10");
        }
    }
}
