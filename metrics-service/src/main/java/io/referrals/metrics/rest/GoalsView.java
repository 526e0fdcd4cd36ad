package io.referrals.metrics.rest;

import io.referrals.metrics.service.query.Goals;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Goals", description = "A month against the practice's monthly referral goal.")
public record GoalsView(
        @Schema(example = "2026-03") String month,

        @Schema(description = "The practice profile's monthly referral goal; null when none is set", example = "10")
        Integer target,

        @Schema(description = "Referrals received in the month so far", example = "4")
        long received,

        @Schema(
                description = "For the current month only: received / elapsed local days x days in the month, "
                        + "rounded; null for other months",
                example = "9")
        Long projection,

        @Schema(description = "Referrals converted in the month", example = "2")
        long converted,

        @Schema(description = "New clients the practice recorded for the month; null until recorded", example = "8")
        Integer newClients,

        @Schema(
                description = "Converted referrals over new clients; null until new clients are recorded",
                example = "0.25")
        BigDecimal referralShare) {

    static GoalsView of(Goals g) {
        return new GoalsView(
                g.month(), g.target(), g.received(), g.projection(), g.converted(), g.newClients(), g.referralShare());
    }
}
