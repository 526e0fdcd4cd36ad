package io.referrals.metrics.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.referrals.events.PartnerCategory;
import io.referrals.events.PartnerStage;
import io.referrals.metrics.entity.PartnerMetrics;
import io.referrals.metrics.service.query.PartnerNumbers;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PartnerMetrics", description = "How one referral relationship performs.")
public record PartnerMetricsView(
        UUID partnerId,
        @Schema(example = "Dana Lee") String partnerName,
        @Schema(example = "professional") PartnerCategory category,
        @Schema(example = "[\"referral\"]") List<String> allianceTypes,
        @Schema(example = "trusted") PartnerStage stage,
        boolean archived,

        @Schema(description = "Created from a referral by someone not yet known")
        boolean candidate,

        @Schema(example = "4") long referralsReceived,
        @Schema(example = "2") long referralsConverted,

        @Schema(description = "Closed without conversion", example = "1")
        long referralsClosed,

        @Schema(description = "Converted over received, 0 to 1; null before the first referral", example = "0.5")
        BigDecimal conversionRate,

        @Schema(
                description = "Average days from receipt to conversion; null before the first conversion",
                example = "12.5")
        BigDecimal averageDaysToConvert,

        @Schema(
                description = "Average days from receipt to the first consultation booked (a referral booked again "
                        + "counts once, one never booked not at all); null before the first booking",
                example = "3.5")
        BigDecimal averageDaysToBook,

        Instant firstReferralAt,
        Instant lastReferralAt,

        @Schema(description = "Program value of converted referrals, one entry per currency")
        List<AmountView> revenue,

        @Schema(description = "Referrals the practice gave to the partner", example = "1")
        long referralsGiven,

        LocalDate lastGivenOn,

        @Schema(description = "Estimated value of referrals given, where known, per currency")
        List<AmountView> givenValue,

        @Schema(description = "Received minus given", example = "3")
        long balance,

        UUID activeAgreementId,

        @Schema(description = "Last referral either way or touchpoint")
        Instant lastActivityAt,

        @Schema(description = "Set while the partner is dormant")
        Instant dormantSince,

        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The last 12 local months, oldest first; only on the single-partner read")
        List<MonthNumbersView> months) {

    public static PartnerMetricsView of(PartnerNumbers numbers) {
        PartnerMetrics m = numbers.partner();
        return new PartnerMetricsView(
                m.partnerId,
                m.partnerName,
                m.category,
                m.allianceTypeList(),
                m.stage,
                m.archived,
                m.candidate,
                m.referralsReceived,
                m.referralsConverted,
                m.referralsClosed,
                m.conversionRate,
                m.averageDaysToConvert,
                m.averageDaysToBook,
                m.firstReferralAt,
                m.lastReferralAt,
                AmountView.of(numbers.revenue()),
                m.referralsGiven,
                m.lastGivenOn,
                AmountView.of(numbers.givenValue()),
                m.balance,
                m.agreementId,
                m.lastActivityAt,
                m.dormantSince,
                MonthNumbersView.of(numbers.months()));
    }

    static final List<String> CSV_HEADER = List.of(
            "partnerId",
            "partnerName",
            "category",
            "allianceTypes",
            "stage",
            "received",
            "converted",
            "conversionRate",
            "averageDaysToConvert",
            "averageDaysToBook",
            "revenue",
            "lastReferralAt",
            "given",
            "balance");

    List<Object> csvValues() {
        List<Object> values = new ArrayList<>();
        values.add(partnerId);
        values.add(partnerName);
        values.add(category == null ? null : category.json());
        values.add(String.join(" ", allianceTypes));
        values.add(stage == null ? null : stage.json());
        values.addAll(List.of(referralsReceived, referralsConverted));
        values.add(conversionRate);
        values.add(averageDaysToConvert);
        values.add(averageDaysToBook);
        values.add(AmountView.cell(revenue));
        values.add(lastReferralAt);
        values.addAll(List.of(referralsGiven, balance));
        return values;
    }
}
