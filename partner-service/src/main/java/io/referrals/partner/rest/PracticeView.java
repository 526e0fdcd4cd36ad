package io.referrals.partner.rest;

import io.referrals.partner.entity.Practice;
import io.referrals.partner.service.PracticeCommands;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The practice's own profile as stored. */
@Schema(name = "PracticeProfile")
public record PracticeView(
        @Schema(example = "[\"career coaching\", \"leadership coaching\"]")
        List<String> services,

        PracticeCommands.IdealReferral idealReferral,

        @Schema(
                description = "Niches of the ideal referral; partners serving them score higher fit",
                example = "[\"mid-career professionals\", \"career change\", \"new managers\"]")
        List<String> niches,

        @Schema(
                description = "Days between partner check-ins unless a partner overrides it; defaults to 30 (monthly)",
                example = "30")
        Integer defaultCheckInCadenceDays,

        @Schema(description = "Referrals the practice aims to receive each month", example = "8")
        Integer monthlyReferralGoal,

        @Schema(
                description = "IANA time zone the practice's days, weeks and months are counted in; defaults to UTC",
                example = "America/New_York")
        String timeZone,

        Instant updatedAt) {

    static PracticeView of(Practice p) {
        return new PracticeView(
                List.copyOf(p.services),
                new PracticeCommands.IdealReferral(
                        p.idealDemographics, p.idealPsychographics, p.idealSituation, p.idealReadiness),
                List.copyOf(p.niches),
                p.defaultCheckInCadenceDays,
                p.monthlyReferralGoal,
                p.timeZone,
                p.updatedAt);
    }
}
