package io.referrals.referral.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "GivenReferral", description = "A person the practice referred to a partner")
public record GivenReferralView(
        UUID id,
        UUID partnerId,
        @Schema(example = "Dana Lee") String partnerName,
        GivenReferralRequests.GivenPerson person,
        @Schema(example = "Needs a financial plan after a career change") String need,
        @Schema(example = "Told Dana to expect a call this week.") String note,
        @Schema(example = "2026-11-23") LocalDate givenOn,
        Instant createdAt) {
}
