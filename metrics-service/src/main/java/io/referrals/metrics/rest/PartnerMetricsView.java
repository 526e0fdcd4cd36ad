package io.referrals.metrics.rest;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.referrals.events.PartnerCategory;
import io.referrals.metrics.entity.PartnerMetrics;
import io.referrals.metrics.service.PartnerTotals;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PartnerMetrics", description = "How one referral relationship performs.")
public record PartnerMetricsView(
        UUID partnerId,
        @Schema(example = "Dana Lee") String partnerName,
        @Schema(example = "professional") PartnerCategory category,
        @Schema(example = "4") long referralsReceived,
        @Schema(example = "2") long referralsConverted,
        @Schema(description = "Converted over received, 0 to 1; null before the first referral", example = "0.5")
        BigDecimal conversionRate,
        @Schema(description = "Average days from receipt to conversion; null before the first conversion",
                example = "12.5")
        BigDecimal averageDaysToConvert,
        Instant firstReferralAt,
        Instant lastReferralAt,
        @Schema(description = "Program value of converted referrals, one entry per currency")
        List<Amount> revenue) {

    public static PartnerMetricsView of(PartnerTotals partner) {
        PartnerMetrics m = partner.totals();
        List<Amount> revenue = partner.revenue().stream()
                .map(r -> new Amount(r.amount.setScale(2, RoundingMode.HALF_EVEN), r.key.currency()))
                .toList();
        return new PartnerMetricsView(m.key.partnerId(), m.partnerName, m.category, m.referralsReceived,
                m.referralsConverted, m.conversionRate(), m.averageDaysToConvert(), m.firstReferralAt,
                m.lastReferralAt, revenue);
    }

    @Schema(name = "Amount")
    public record Amount(
            @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING, example = "3000.00")
            BigDecimal amount,
            @Schema(example = "USD") String currency) {
    }
}
