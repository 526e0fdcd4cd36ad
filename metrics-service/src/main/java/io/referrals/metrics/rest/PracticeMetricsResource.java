package io.referrals.metrics.rest;

import io.referrals.events.PartnerCategory;
import io.referrals.metrics.service.query.Dimension;
import io.referrals.metrics.service.query.GoalService;
import io.referrals.metrics.service.query.Interval;
import io.referrals.metrics.service.query.Metric;
import io.referrals.metrics.service.query.PracticeQueries;
import io.referrals.metrics.service.query.TimeseriesQuery;
import io.referrals.platform.tenant.CurrentTenant;
import io.referrals.platform.tenant.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
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

/**
 * Practice-wide numbers over local days. {@code from} and {@code to} are ISO dates in the practice's time zone, both
 * included; {@code to} defaults to today and {@code from} to a year before; at most 5 years.
 */
@Path("/api/metrics")
@Tag(name = "Metrics", description = "Referral volume, conversion, revenue, reciprocity, goals and dormant partners")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OWNER, Roles.MEMBER, Roles.VIEWER})
public class PracticeMetricsResource {

    @Inject
    PracticeQueries queries;

    @Inject
    GoalService goals;

    @Inject
    CurrentTenant tenant;

    @GET
    @Path("/summary")
    @Operation(
            operationId = "getSummary",
            summary = "The practice's referral numbers over a range",
            description = "Received, converted, closed by reason, conversion rate, days to convert, revenue, fees "
                    + "and rewards per currency, referrals given, partner counts and first-contact timeliness.")
    @APIResponse(
            responseCode = "200",
            description = "The summary",
            content = @Content(schema = @Schema(implementation = SummaryView.class)))
    public SummaryView summary(@BeanParam LocalDays days) {
        return SummaryView.of(queries.summary(tenant.id(), days.from(), days.to()));
    }

    @GET
    @Path("/timeseries")
    @Produces({MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV})
    @Operation(
            operationId = "getTimeseries",
            summary = "One metric per week or month",
            description = "Zero-filled calendar periods (ISO weeks from Monday, or months) in the practice's time "
                    + "zone, for the practice or narrowed to one partner, category or alliance type. Money metrics "
                    + "give one row per currency. `Accept: text/csv` gives the same rows.")
    @APIResponse(
            responseCode = "200",
            description = "The series",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = TimeseriesView.class)),
                @Content(mediaType = CsvWriter.TEXT_CSV, schema = @Schema(implementation = String.class))
            })
    public TimeseriesView timeseries(
            @QueryParam("metric")
                    @Parameter(description = "received, converted, revenue, given or fees (owed)", example = "received")
                    String metric,
            @QueryParam("interval") @Parameter(description = "week or month", example = "month") String interval,
            @BeanParam LocalDays days,
            @QueryParam("partnerId") @Parameter(description = "Only this partner") UUID partnerId,
            @QueryParam("category") @Parameter(example = "professional") PartnerCategory category,
            @QueryParam("allianceType") @Parameter(example = "referral") String allianceType) {
        return TimeseriesView.of(queries.timeseries(
                tenant.id(),
                new TimeseriesQuery(
                        QueryParams.choice("metric", metric, Metric.class, Metric.RECEIVED),
                        QueryParams.choice("interval", interval, Interval.class, Interval.MONTH),
                        days.from(),
                        days.to(),
                        partnerId,
                        category,
                        allianceType)));
    }

    @GET
    @Path("/breakdown")
    @Produces({MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV})
    @Operation(
            operationId = "getBreakdown",
            summary = "Numbers per group",
            description = "Received, converted, rate, revenue and referrals given per current category, alliance "
                    + "type or stage of partners, or per channel (api, intake_link, portal, given). `Accept: text/csv` gives "
                    + "the same rows.")
    @APIResponse(
            responseCode = "200",
            description = "The groups, most referrals first",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = BreakdownView.class)),
                @Content(mediaType = CsvWriter.TEXT_CSV, schema = @Schema(implementation = String.class))
            })
    public BreakdownView breakdown(
            @QueryParam("by") @Parameter(description = "category, allianceType, channel or stage", example = "category")
                    String by,
            @BeanParam LocalDays days) {
        return BreakdownView.of(queries.breakdown(
                tenant.id(),
                QueryParams.choice("by", by, Dimension.class, Dimension.CATEGORY),
                days.from(),
                days.to()));
    }

    @GET
    @Path("/funnel")
    @Operation(
            operationId = "getFunnel",
            summary = "How far referrals got",
            description = "Of the referrals received in the range: how many reached each status, conversion between "
                    + "steps and median time in each step (approximate, from log-scale bins).")
    @APIResponse(
            responseCode = "200",
            description = "The funnel",
            content = @Content(schema = @Schema(implementation = FunnelView.class)))
    public FunnelView funnel(@BeanParam LocalDays days) {
        return FunnelView.of(queries.funnel(tenant.id(), days.from(), days.to()));
    }

    @GET
    @Path("/goals")
    @Operation(
            operationId = "getGoals",
            summary = "A month against the monthly referral goal",
            description = "Target (the practice profile's goal), received so far, projection to month end (current "
                    + "month only) and the share of new clients that came by referral.")
    @APIResponse(
            responseCode = "200",
            description = "The month's goal",
            content = @Content(schema = @Schema(implementation = GoalsView.class)))
    public GoalsView goals(
            @QueryParam("month")
                    @Parameter(description = "YYYY-MM, default the current local month", example = "2026-03")
                    String month) {
        return GoalsView.of(goals.goals(tenant.id(), QueryParams.month("month", month)));
    }

    @PUT
    @Path("/new-clients/{month}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OWNER)
    @Operation(
            operationId = "putNewClients",
            summary = "Record a month's new clients",
            description = "The practice's total of new clients in the month, from every source: the denominator of "
                    + "the share by referral. Fewer than the referrals converted that month is refused (422).")
    @APIResponse(responseCode = "204", description = "Recorded")
    @APIResponse(
            responseCode = "422",
            description = "Fewer new clients than converted referrals",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/Problem")))
    public void putNewClients(
            @PathParam("month") @Parameter(example = "2026-03") String month, @Valid @NotNull NewClientsCount body) {
        goals.recordNewClients(tenant.id(), QueryParams.month("month", month), body.count());
    }
}
