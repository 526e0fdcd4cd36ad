package io.referrals.metrics.rest;

import io.referrals.events.PartnerCategory;
import io.referrals.events.PartnerStage;
import io.referrals.metrics.service.query.PartnerQueries;
import io.referrals.metrics.service.query.PartnerSort;
import io.referrals.platform.rest.PageRequest;
import io.referrals.platform.tenant.CurrentTenant;
import io.referrals.platform.tenant.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Per-partner numbers: one partner, the leaderboard, the reciprocity ledger and dormant partners. */
@Path("/api/metrics")
@Tag(name = "Metrics", description = "Referral volume, conversion, revenue, reciprocity, goals and dormant partners")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OWNER, Roles.MEMBER, Roles.VIEWER})
public class MetricsResource {
    private static final String SORTS = "received, converted, conversionRate, revenue (largest currency), "
            + "daysToConvert, daysToBook, lastReferral, given, balance, name";

    @Inject
    PartnerQueries queries;

    @Inject
    CurrentTenant tenant;

    @GET
    @Path("/partners/{partnerId}")
    @Operation(
            operationId = "getPartnerMetrics",
            summary = "Referral metrics of one partner",
            description = "The partner's leaderboard row plus its last 12 local months. Built from events, so a "
                    + "referral shows here a moment after it is recorded.")
    @APIResponse(
            responseCode = "200",
            description = "The partner's metrics",
            content = @Content(schema = @Schema(implementation = PartnerMetricsView.class)))
    public PartnerMetricsView partner(@PathParam("partnerId") UUID partnerId) {
        return PartnerMetricsView.of(queries.partner(tenant.id(), partnerId));
    }

    @GET
    @Path("/partners")
    @Produces({MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV})
    @Operation(
            operationId = "listPartnerMetrics",
            summary = "Partners leaderboard",
            description = "Each partner's all-time numbers, filtered by current category, alliance type or stage. "
                    + "`Accept: text/csv` gives the page's rows as CSV.")
    @APIResponse(
            responseCode = "200",
            description = "One page of partners",
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PartnerPage.class)),
                @Content(mediaType = CsvWriter.TEXT_CSV, schema = @Schema(implementation = String.class))
            })
    public PartnerPage partners(
            @QueryParam("sort") @Parameter(description = "One of " + SORTS, example = "received") String sort,
            @QueryParam("order")
                    @Parameter(description = "asc or desc; numbers default to desc, name to asc", example = "desc")
                    String order,
            @QueryParam("category") @Parameter(example = "professional") PartnerCategory category,
            @QueryParam("allianceType") @Parameter(example = "referral") String allianceType,
            @QueryParam("stage") @Parameter(example = "trusted") PartnerStage stage,
            @Valid @BeanParam PageRequest page) {
        PartnerSort by = QueryParams.choice("sort", sort, PartnerSort.class, PartnerSort.RECEIVED);
        return PartnerPage.of(queries.leaderboard(
                        tenant.id(), category, allianceType, stage, by, QueryParams.ascending(order), page.paging())
                .map(PartnerMetricsView::of));
    }

    @GET
    @Path("/reciprocity")
    @Produces({MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV})
    @Operation(
            operationId = "getReciprocity",
            summary = "Reciprocity ledger",
            description = "Per partner, referrals received from it against referrals given to it (count, and value "
                    + "where known), the balance and a `givesTooLittle` flag (at least 3 received and fewer than a "
                    + "third as many given); practice-wide totals. `Accept: text/csv` gives the page's rows.")
    @APIResponse(
            responseCode = "200",
            description = "The ledger",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = ReciprocityView.class)),
                @Content(mediaType = CsvWriter.TEXT_CSV, schema = @Schema(implementation = String.class))
            })
    public ReciprocityView reciprocity(
            @QueryParam("sort") @Parameter(description = "One of " + SORTS, example = "balance") String sort,
            @QueryParam("order") @Parameter(description = "asc or desc", example = "desc") String order,
            @Valid @BeanParam PageRequest page) {
        PartnerSort by = QueryParams.choice("sort", sort, PartnerSort.class, PartnerSort.BALANCE);
        return ReciprocityView.of(queries.reciprocity(tenant.id(), by, QueryParams.ascending(order), page.paging()));
    }

    @GET
    @Path("/dormant")
    @Operation(
            operationId = "listDormantPartners",
            summary = "Dormant partners, longest silence first",
            description = "Partners of an active relationship (reached_out to trusted) with neither a referral either "
                    + "way nor a touchpoint for twice their check-in cadence (the practice's default, else 30 days).")
    @APIResponse(responseCode = "200", description = "One page of dormant partners")
    public DormantPartnerPage dormant(@Valid @BeanParam PageRequest page) {
        return DormantPartnerPage.of(queries.dormant(tenant.id(), page.paging()).map(DormantPartnerView::of));
    }
}
