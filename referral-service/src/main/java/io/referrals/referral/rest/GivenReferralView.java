package io.referrals.referral.rest;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.referrals.referral.entity.GivenReferral;
import io.referrals.referral.service.GivenReferralCommands;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "GivenReferral", description = "A person the practice referred to a partner")
public record GivenReferralView(
        UUID id,
        UUID partnerId,
        @Schema(example = "Dana Lee") String partnerName,
        GivenReferralCommands.GivenPerson person,

        @Schema(example = "Needs a financial plan after a career change")
        String need,

        @Schema(example = "Told Dana to expect a call this week.")
        String note,

        @Schema(example = "2026-11-23") LocalDate givenOn,

        @JsonFormat(shape = JsonFormat.Shape.STRING)
        @Schema(description = "null when not given", example = "1200.00", type = SchemaType.STRING)
        BigDecimal estimatedValue,

        @Schema(example = "USD") String currency,
        Instant createdAt) {

    public static GivenReferralView of(GivenReferral g, String partnerName) {
        return new GivenReferralView(
                g.id,
                g.partnerId,
                partnerName,
                new GivenReferralCommands.GivenPerson(g.personName, g.personEmail, g.personPhone),
                g.need,
                g.note,
                g.givenOn,
                g.estimatedValue == null ? null : g.estimatedValue.setScale(2, RoundingMode.HALF_EVEN),
                g.estimatedCurrency,
                g.createdAt);
    }
}
