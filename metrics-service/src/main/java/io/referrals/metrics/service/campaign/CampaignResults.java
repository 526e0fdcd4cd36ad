package io.referrals.metrics.service.campaign;

import io.referrals.events.campaign.CampaignGoal;
import io.referrals.metrics.entity.CampaignRepository;
import io.referrals.metrics.entity.CampaignRepository.CampaignRow;
import io.referrals.metrics.entity.CampaignRepository.VariantAmount;
import io.referrals.metrics.entity.CampaignRepository.VariantCounts;
import io.referrals.metrics.entity.CampaignRepository.VariantRow;
import io.referrals.metrics.service.query.Amount;
import io.referrals.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A practice's campaigns and each one's results per variant, counted from the campaign tables when read, with the
 * statistics of {@link CampaignStatistics}. Money is in one currency (README, "Campaign results").
 */
@ApplicationScoped
public class CampaignResults {
    public static final BigDecimal DEFAULT_DIFFERENCE = new BigDecimal("0.10");
    public static final BigDecimal SMALLEST_DIFFERENCE = new BigDecimal("0.02");
    public static final BigDecimal LARGEST_DIFFERENCE = new BigDecimal("0.5");

    @Inject
    CampaignRepository campaigns;

    /** A started campaign in the list. */
    public record Overview(
            UUID campaignId,
            String name,
            String status,
            Instant startsAt,
            Instant endsAt,
            CampaignGoal goal,
            int variants,
            long asked,
            long referrals,
            long conversions) {}

    /** A campaign's results. */
    public record Report(
            UUID campaignId,
            String name,
            CampaignGoal goal,
            Instant startsAt,
            Instant endsAt,
            Instant endedAt,
            String status,
            String prior,
            List<VariantReport> variants,
            Verdict verdict) {}

    /** One variant's numbers; money null when no currency is known yet (no incentive, nothing converted). */
    public record VariantReport(
            String key,
            String name,
            int weight,
            String incentive,
            long asked,
            long partnersReferring,
            long referrals,
            long referralsByLink,
            long referralsByOtherChannel,
            long conversions,
            Amount revenue,
            Amount incentiveCost,
            Amount netRevenuePerAskedPartner,
            Rate rate,
            Rate partnersReferringRate,
            Rate conversionRate,
            double chanceToBeBest,
            double expectedLoss) {}

    @Transactional
    public List<Overview> list(String tenantId) {
        return campaigns.campaigns(tenantId).stream()
                .map(c -> new Overview(
                        c.campaignId(),
                        c.name(),
                        status(c),
                        c.startsAt(),
                        c.endsAt(),
                        CampaignGoal.valueOf(c.goal()),
                        c.variants(),
                        c.asked(),
                        c.referrals(),
                        c.conversions()))
                .toList();
    }

    /** 404 for a campaign not started or of another practice; 422 for a difference outside 0.02..0.5. */
    @Transactional
    public Report results(String tenantId, UUID campaignId, BigDecimal difference) {
        if (difference != null
                && (difference.compareTo(SMALLEST_DIFFERENCE) < 0 || difference.compareTo(LARGEST_DIFFERENCE) > 0)) {
            throw ProblemException.unprocessable(
                    "difference-out-of-range",
                    "Difference out of range",
                    "difference is the smallest difference in the goal's rate worth knowing, from 0.02 to 0.5 (two to"
                            + " fifty percentage points); it was " + difference.toPlainString() + ".");
        }
        CampaignRow campaign = campaigns
                .campaign(tenantId, campaignId)
                .orElseThrow(() -> ProblemException.notFound("campaign", campaignId));
        // Asked for, else the campaign's own (set by the practice when it made it), else ten points.
        BigDecimal d = difference != null
                ? difference
                : campaign.differenceWorthKnowing() != null ? campaign.differenceWorthKnowing() : DEFAULT_DIFFERENCE;
        CampaignGoal goal = CampaignGoal.valueOf(campaign.goal());
        List<VariantRow> variants = campaigns.variants(tenantId, campaignId);
        Map<String, VariantCounts> counts = campaigns.counts(tenantId, campaignId).stream()
                .collect(Collectors.toMap(VariantCounts::key, Function.identity()));
        List<VariantAmount> revenue = campaigns.revenue(tenantId, campaignId);
        List<VariantAmount> cost = campaigns.incentiveCost(tenantId, campaignId);
        String currency = currency(variants, revenue);

        List<Rate> goalRates = new ArrayList<>();
        List<Beta> posteriors = new ArrayList<>();
        List<CampaignStatistics.Arm> arms = new ArrayList<>();
        for (VariantRow variant : variants) {
            VariantCounts c = counts.get(variant.key());
            Rate rate = goal == CampaignGoal.PARTNERS_REFERRING
                    ? CampaignStatistics.rate(c.partnersReferring(), c.asked())
                    : CampaignStatistics.rate(c.conversions(), c.referrals());
            goalRates.add(rate);
            posteriors.add(Beta.posterior(rate.successes(), rate.trials()));
            arms.add(new CampaignStatistics.Arm(variant.key(), rate.successes(), rate.trials()));
        }
        Comparison comparison = CampaignStatistics.compare(posteriors);
        Verdict verdict = CampaignStatistics.verdict(
                arms,
                comparison,
                d.doubleValue(),
                goal == CampaignGoal.PARTNERS_REFERRING ? "partners asked" : "attributed referrals");

        List<VariantReport> reports = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            VariantRow variant = variants.get(i);
            VariantCounts c = counts.get(variant.key());
            Amount variantRevenue = sum(revenue, variant.key(), currency);
            Amount variantCost = sum(cost, variant.key(), currency);
            Amount net = variantRevenue == null || c.asked() == 0
                    ? null
                    : Amount.of(
                            variantRevenue
                                    .amount()
                                    .subtract(variantCost.amount())
                                    .divide(BigDecimal.valueOf(c.asked()), 2, RoundingMode.HALF_EVEN),
                            currency);
            reports.add(new VariantReport(
                    variant.key(),
                    variant.name(),
                    variant.weight(),
                    variant.incentiveDescription(),
                    c.asked(),
                    c.partnersReferring(),
                    c.referrals(),
                    c.referralsByLink(),
                    c.referralsByOtherChannel(),
                    c.conversions(),
                    variantRevenue,
                    variantCost,
                    net,
                    goalRates.get(i),
                    CampaignStatistics.rate(c.partnersReferring(), c.asked()),
                    CampaignStatistics.rate(c.conversions(), c.referrals()),
                    comparison.chanceToBeBest()[i],
                    comparison.expectedLoss()[i]));
        }
        return new Report(
                campaign.campaignId(),
                campaign.name(),
                goal,
                campaign.startsAt(),
                campaign.endsAt(),
                campaign.endedAt(),
                status(campaign),
                CampaignStatistics.PRIOR,
                reports,
                verdict);
    }

    private static String status(CampaignRow campaign) {
        return campaign.endedAt() == null ? "running" : "ended";
    }

    /**
     * The campaign's one currency: its incentives' (the first variant with one), else that of its converted referrals'
     * program value (alphabetically first if, against the assumption, there are several); null when neither is known.
     * Amounts in another currency are left out.
     */
    private static String currency(List<VariantRow> variants, List<VariantAmount> revenue) {
        Optional<String> incentive = variants.stream()
                .map(VariantRow::incentiveCurrency)
                .filter(c -> c != null)
                .findFirst();
        return incentive.orElseGet(() -> revenue.stream()
                .map(VariantAmount::currency)
                .filter(c -> c != null)
                .min(Comparator.naturalOrder())
                .orElse(null));
    }

    private static Amount sum(List<VariantAmount> amounts, String key, String currency) {
        if (currency == null) {
            return null;
        }
        BigDecimal total = amounts.stream()
                .filter(a -> a.key().equals(key) && currency.equals(a.currency()))
                .map(VariantAmount::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return Amount.of(total, currency);
    }
}
