package io.referrals.referral.rest;

import io.referrals.events.ReferralStatus;
import io.referrals.platform.problem.ProblemException;
import io.referrals.referral.entity.Referral;
import io.referrals.referral.entity.ReferralQuery;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The query parameters that narrow the referral list; all optional, combined with and. */
public class ReferralFilter {
    @QueryParam("partnerId")
    @Parameter(description = "Only this partner's referrals")
    public UUID partnerId;

    @QueryParam("status")
    @Parameter(description = "Only referrals in this status", example = "received")
    public ReferralStatus status;

    @QueryParam("overdue")
    @Parameter(
            description =
                    "true: only referrals still received after their first-contact deadline; false: none " + "of them")
    public Boolean overdue;

    @QueryParam("receivedFrom")
    @Parameter(
            description = "Only referrals received at or after this ISO instant",
            example = "2026-11-01T00:00:00Z",
            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    public String receivedFrom;

    @QueryParam("receivedTo")
    @Parameter(
            description = "Only referrals received before this ISO instant",
            example = "2026-12-01T00:00:00Z",
            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    public String receivedTo;

    @QueryParam("attribution")
    @Parameter(
            description = "Only referrals with this attribution; unverified lists those waiting for the practice to "
                    + "confirm or reject the partner a public intake request named",
            example = "unverified")
    public Referral.Attribution attribution;

    /** The filter as the service takes it. */
    public ReferralQuery toQuery() {
        return new ReferralQuery(
                partnerId,
                status,
                overdue,
                instant("receivedFrom", receivedFrom),
                instant("receivedTo", receivedTo),
                attribution);
    }

    /** A malformed date is a 400 naming the parameter, not the 404 JAX-RS gives a query parameter it cannot read. */
    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(name, "must be an ISO instant such as 2026-11-01T00:00:00Z");
        }
    }
}
