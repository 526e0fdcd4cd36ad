package io.referrals.metrics.rest;

import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The {@code from} and {@code to} of every practice-wide read: ISO dates in the practice's time zone, both included. */
public class LocalDays {
    @QueryParam("from")
    @Parameter(description = "First local day, included (default: a year before `to`)", example = "2026-01-01")
    String from;

    @QueryParam("to")
    @Parameter(
            description = "Last local day, included (default: today in the practice's time zone)",
            example = "2026-03-31")
    String to;

    LocalDate from() {
        return QueryParams.date("from", from);
    }

    LocalDate to() {
        return QueryParams.date("to", to);
    }
}
