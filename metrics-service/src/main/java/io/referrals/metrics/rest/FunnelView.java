package io.referrals.metrics.rest;

import io.referrals.metrics.service.query.Funnel;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Funnel", description = "Referrals received in the range (a cohort) and how far they got.")
public record FunnelView(LocalDate from, LocalDate to, List<Step> steps) {

    @Schema(name = "FunnelStep")
    public record Step(
            @Schema(
                    description = "received, contacted, consultation_booked, converted; then the closed outcomes "
                            + "not_a_fit, declined, no_response",
                    example = "contacted")
            String status,

            @Schema(
                    description = "Referrals of the cohort that reached the step (a later step implies it)",
                    example = "30")
            long reached,

            @Schema(
                    description = "Reached over the previous step's reached; for closed outcomes, over received",
                    example = "0.75")
            BigDecimal fromPrevious,

            @Schema(
                    description = "Median hours spent in the step before the next one: approximate, from "
                            + "log-scale bins (upper bound of the bin holding the median); null when none moved on",
                    example = "16")
            Long medianHoursInStep) {}

    static FunnelView of(Funnel funnel) {
        return new FunnelView(
                funnel.from(),
                funnel.to(),
                funnel.steps().stream()
                        .map(s -> new Step(s.status(), s.reached(), s.fromPrevious(), s.medianHoursInStep()))
                        .toList());
    }
}
