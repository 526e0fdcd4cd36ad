package io.referrals.metrics.service.query;

import io.referrals.platform.page.Page;
import java.util.List;
import java.util.UUID;

/** Referrals received from each partner against referrals given to it, and the practice's totals. */
public record Reciprocity(PracticeTotals totals, Page<Row> partners) {
    /** Receiving at least this many ... */
    public static final int FLAG_MIN_RECEIVED = 3;
    /** ... and more than this many times what it gave flags a partner the practice gives too little to. */
    public static final int FLAG_RATIO = 3;

    /** Over every partner: received, given, received minus given, and the values of both where known. */
    public record PracticeTotals(
            long received, long given, long balance, List<Amount> receivedValue, List<Amount> givenValue) {}

    /** One partner's exchange; {@code givesTooLittle} by {@link #FLAG_MIN_RECEIVED} and {@link #FLAG_RATIO}. */
    public record Row(
            UUID partnerId,
            String partnerName,
            long received,
            long given,
            long balance,
            List<Amount> receivedValue,
            List<Amount> givenValue,
            boolean givesTooLittle) {

        static Row of(PartnerNumbers numbers) {
            var p = numbers.partner();
            boolean tooLittle =
                    p.referralsReceived >= FLAG_MIN_RECEIVED && p.referralsGiven * FLAG_RATIO < p.referralsReceived;
            return new Row(
                    p.partnerId,
                    p.partnerName,
                    p.referralsReceived,
                    p.referralsGiven,
                    p.balance,
                    numbers.revenue(),
                    numbers.givenValue(),
                    tooLittle);
        }
    }
}
