package io.referrals.metrics.rest;

import io.referrals.metrics.service.query.Summary;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Summary", description = "A practice's referral numbers over a range of local days.")
public record SummaryView(
        LocalDate from,
        LocalDate to,

        @Schema(description = "Referrals received in the range", example = "40")
        long received,

        @Schema(description = "Referrals converted in the range (by conversion day)", example = "12")
        long converted,

        Closed closedWithoutConversion,

        @Schema(description = "Converted over received in the range; null without referrals", example = "0.3")
        BigDecimal conversionRate,

        @Schema(
                description = "Median days from receipt to conversion: approximate, from log-scale bins (the upper "
                        + "bound of the bin holding the median)",
                example = "8.0")
        BigDecimal medianDaysToConvert,

        @Schema(description = "Mean days from receipt to conversion, exact", example = "9.4")
        BigDecimal meanDaysToConvert,

        @Schema(
                description = "Mean days from receipt to the first consultation booked, exact, of the referrals "
                        + "first booked in the range (a referral booked again counts once, one never booked not at "
                        + "all); null without bookings",
                example = "3.5")
        BigDecimal averageDaysToBook,

        @Schema(description = "Program value of conversions, per currency")
        List<AmountView> revenue,

        @Schema(description = "Fees that became owed to partners, per currency")
        List<AmountView> feesOwed,

        List<AmountView> feesPaid,

        @Schema(description = "Client rewards that became owed, per currency")
        List<AmountView> rewardsOwed,

        List<AmountView> rewardsPaid,

        @Schema(description = "Referrals given to partners", example = "9")
        long given,

        Partners partners,
        FirstContacts firstContacts) {

    @Schema(name = "SummaryClosed")
    public record Closed(
            @Schema(example = "5") long total,

            @Schema(description = "Per outcome: not_a_fit, declined, no_response")
            Map<String, Long> byReason) {}

    @Schema(name = "SummaryPartners", description = "Partner counts now, whatever the range")
    public record Partners(
            @Schema(description = "Active relationships (reached_out to trusted), not dormant", example = "14")
            long active,

            @Schema(example = "3") long dormant,

            @Schema(description = "Sources created from a referral, not yet categorized", example = "2")
            long candidates) {}

    @Schema(name = "SummaryFirstContacts")
    public record FirstContacts(
            @Schema(description = "First contacts made in the range, of referrals with a deadline", example = "20")
            long made,

            @Schema(example = "18") long withinDeadline,
            @Schema(example = "0.9") BigDecimal withinDeadlineRate,

            @Schema(description = "Open referrals past their deadline without a first contact, now", example = "1")
            long overdueNow) {}

    static SummaryView of(Summary s) {
        Summary.Closed closed = s.closedWithoutConversion();
        Summary.Partners partners = s.partners();
        Summary.FirstContacts contacts = s.firstContacts();
        return new SummaryView(
                s.from(),
                s.to(),
                s.received(),
                s.converted(),
                new Closed(closed.total(), closed.byReason()),
                s.conversionRate(),
                s.medianDaysToConvert(),
                s.meanDaysToConvert(),
                s.averageDaysToBook(),
                AmountView.of(s.revenue()),
                AmountView.of(s.feesOwed()),
                AmountView.of(s.feesPaid()),
                AmountView.of(s.rewardsOwed()),
                AmountView.of(s.rewardsPaid()),
                s.given(),
                new Partners(partners.active(), partners.dormant(), partners.candidates()),
                new FirstContacts(
                        contacts.made(),
                        contacts.withinDeadline(),
                        contacts.withinDeadlineRate(),
                        contacts.overdueNow()));
    }
}
