package io.referrals.metrics.service.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The statistics of a campaign's results, pure functions (the method and its limits: metrics-service's README,
 * "Campaign results: the method and its limits"). Each variant's rate has the posterior Beta(1 + s, 1 + n - s) of a
 * uniform prior Beta(1, 1) after s successes in n trials; the variants are independent.
 */
public final class CampaignStatistics {
    public static final String PRIOR = "Beta(1, 1): every rate equally likely before any data";

    /** z for 0.975 (a 5 % two-sided level) and for 0.8 (80 % power): the classic sample-size rule. */
    static final double Z_975 = 1.959963984540054;

    static final double Z_80 = 0.8416212335729143;

    /** The rate assumed for the sample size before any trial: a typical share of partners who refer when asked. */
    static final double BASELINE_WITHOUT_DATA = 0.3;

    /** Each posterior's window of integration holds all but 1e-10 of its mass on either side. */
    private static final double TAIL = 1e-10;

    /** Simpson panels per posterior window: ~80 per standard deviation, errors far below 1e-6. */
    private static final int PANELS_PER_WINDOW = 800;

    private CampaignStatistics() {}

    /** A rate's posterior summary: mean and 95 % equal-tailed credible interval. */
    public static Rate rate(long successes, long trials) {
        Beta beta = Beta.posterior(successes, trials);
        return new Rate(successes, trials, beta.mean(), beta.quantile(0.025), beta.quantile(0.975));
    }

    /**
     * For each posterior, the chance it is the largest, P(p_i = max) = ∫ f_i(x) Π_{j≠i} F_j(x) dx, and the expected loss
     * of choosing it, E[max_j p_j] - E[p_i], where E[max] = ∫_0^1 (1 - Π_j F_j(x)) dx (M in [0, 1]: E[M] = ∫ P(M > x) dx,
     * and P(M <= x) = Π_j F_j(x) by independence). Composite Simpson on the union of each posterior's window
     * [q(1e-10), q(1 - 1e-10)], each window cut in {@value #PANELS_PER_WINDOW} panels, so a sharp posterior is as
     * finely resolved as a flat one; below the union's start the integrand of E[max] is 1 to within 1e-10.
     */
    public static Comparison compare(List<Beta> posteriors) {
        int k = posteriors.size();
        if (k == 0) {
            return new Comparison(new double[0], new double[0]);
        }
        if (k == 1) {
            return new Comparison(new double[] {1}, new double[] {0});
        }
        TreeSet<Double> cuts = new TreeSet<>();
        for (Beta beta : posteriors) {
            double low = beta.quantile(TAIL);
            double high = beta.quantile(1 - TAIL);
            for (int i = 0; i <= PANELS_PER_WINDOW; i++) {
                cuts.add(low + (high - low) * i / PANELS_PER_WINDOW);
            }
        }
        double start = cuts.first();
        double[] chance = new double[k];
        double maxAbove = start; // E[max] = start + ∫_start^end (1 - Π F)
        double[] previous = null;
        double previousX = Double.NaN;
        for (double x : cuts) {
            double[] here = integrands(posteriors, x);
            if (previous != null && x > previousX) {
                double mid = 0.5 * (previousX + x);
                double[] middle = integrands(posteriors, mid);
                double w = (x - previousX) / 6;
                for (int i = 0; i <= k; i++) {
                    double value = w * (previous[i] + 4 * middle[i] + here[i]);
                    if (i < k) {
                        chance[i] += value;
                    } else {
                        maxAbove += value;
                    }
                }
            }
            previous = here;
            previousX = x;
        }
        double[] loss = new double[k];
        for (int i = 0; i < k; i++) {
            loss[i] = Math.max(0, maxAbove - posteriors.get(i).mean());
            chance[i] = Math.min(1, Math.max(0, chance[i]));
        }
        return new Comparison(chance, loss);
    }

    /** At x: f_i(x) Π_{j≠i} F_j(x) for each i, then 1 - Π_j F_j(x). */
    private static double[] integrands(List<Beta> posteriors, double x) {
        int k = posteriors.size();
        double[] cdf = new double[k];
        double all = 1;
        for (int j = 0; j < k; j++) {
            cdf[j] = posteriors.get(j).cdf(x);
            all *= cdf[j];
        }
        double[] values = new double[k + 1];
        for (int i = 0; i < k; i++) {
            double others = 1;
            for (int j = 0; j < k; j++) {
                if (j != i) {
                    others *= cdf[j];
                }
            }
            values[i] = posteriors.get(i).density(x) * others;
        }
        values[k] = 1 - all;
        return values;
    }

    /**
     * Trials per variant for a classic comparison of two rates to tell {@code difference} at 80 % power and a 5 %
     * two-sided level: n = (z_0.975 + z_0.8)^2 (p1(1 - p1) + p2(1 - p2)) / d^2 with p2 = p1 + d (p1 - d when that
     * passes 1). Used only as a planning amount: how much data the verdict waits for, never as a test. 0.3 vs 0.5: 91.
     */
    public static long trialsPerVariant(double baseline, double difference) {
        double p1 = baseline;
        double p2 = p1 + difference <= 1 ? p1 + difference : p1 - difference;
        double z = Z_975 + Z_80;
        return (long) Math.ceil(z * z * (p1 * (1 - p1) + p2 * (1 - p2)) / (difference * difference));
    }

    /** One variant's data for the verdict. */
    public record Arm(String key, long successes, long trials) {}

    /**
     * The verdict (README, "The verdict"): not enough data while any variant has fewer trials than
     * {@link #trialsPerVariant} at the pooled rate; then a leader when one variant has a chance to be best of at
     * least 95 % and an expected loss below a tenth of {@code difference}; no meaningful difference when at least two
     * variants each cost less than that tenth; else still not enough, with a rough projection.
     *
     * @param trialsName what a trial is, plural ("partners asked", "attributed referrals")
     */
    public static Verdict verdict(List<Arm> arms, Comparison comparison, double difference, String trialsName) {
        String points = points(difference);
        long successes = arms.stream().mapToLong(Arm::successes).sum();
        long trials = arms.stream().mapToLong(Arm::trials).sum();
        double pooled = trials == 0 ? BASELINE_WITHOUT_DATA : (double) successes / trials;
        long needed = trialsPerVariant(pooled, difference);
        long fewest = arms.stream().mapToLong(Arm::trials).min().orElse(0);
        if (arms.size() == 1) {
            Rate rate = rate(arms.get(0).successes(), arms.get(0).trials());
            return new Verdict(
                    VerdictKind.SINGLE_VARIANT,
                    "One variant: nothing to compare. Its rate is about " + percent(rate.mean()) + " (95 % between "
                            + percent(rate.low()) + " and " + percent(rate.high()) + ").",
                    null,
                    0,
                    difference);
        }
        if (fewest < needed) {
            long more = needed - fewest;
            return new Verdict(
                    VerdictKind.NOT_ENOUGH_DATA,
                    "Not enough yet: about " + more + " more " + trialsName + " per variant would tell a " + points
                            + "-point difference.",
                    null,
                    more,
                    difference);
        }
        double threshold = difference / 10;
        int best = 0;
        for (int i = 1; i < arms.size(); i++) {
            if (comparison.expectedLoss()[i] < comparison.expectedLoss()[best]) {
                best = i;
            }
        }
        double bestLoss = comparison.expectedLoss()[best];
        String bestKey = arms.get(best).key();
        if (comparison.chanceToBeBest()[best] >= 0.95 && bestLoss < threshold) {
            return new Verdict(
                    VerdictKind.LEADER,
                    "Variant " + bestKey + " is very likely the best (chance to be best: "
                            + percent(comparison.chanceToBeBest()[best])
                            + "); if it is not, choosing it costs on average " + pointsPhrase(bestLoss)
                            + ", less than a tenth of the " + points + "-point difference you care about.",
                    bestKey,
                    0,
                    difference);
        }
        List<String> cheap = new ArrayList<>();
        List<String> worse = new ArrayList<>();
        for (int i = 0; i < arms.size(); i++) {
            double loss = comparison.expectedLoss()[i];
            (loss < threshold ? cheap : worse).add(arms.get(i).key());
        }
        if (cheap.size() >= 2) {
            String text = "No meaningful difference: choosing "
                    + (worse.isEmpty() ? "any variant" : String.join(" or ", cheap)) + " costs on average less than "
                    + pointsPhrase(threshold) + ", a tenth of the "
                    + points + "-point difference you care about.";
            if (!worse.isEmpty()) {
                text += " " + String.join(", ", worse) + (worse.size() == 1 ? " is" : " are") + " likely worse.";
            }
            return new Verdict(VerdictKind.NO_MEANINGFUL_DIFFERENCE, text, null, 0, difference);
        }
        // Enough for the planned difference, yet undecided; a rough projection, assuming the rates stay as seen and
        // the spread shrinks as 1/sqrt(n). If the front runner is cheap but not clear, its chance has to reach 95 %:
        // its lead in standard deviations, z = Φ⁻¹(chance), grows as sqrt(n). Otherwise the smallest expected loss has
        // to drop under the tenth; it shrinks about as 1/sqrt(n) while the variants stay this close.
        double factor;
        if (bestLoss < threshold) {
            double z = normalQuantile(comparison.chanceToBeBest()[best]);
            factor = z <= 0.1 ? 10 : Math.pow(normalQuantile(0.95) / z, 2) - 1;
        } else {
            factor = (bestLoss / threshold) * (bestLoss / threshold) - 1;
        }
        long more = Math.max(1, Math.min(10 * needed, (long) Math.ceil(fewest * factor)));
        return new Verdict(
                VerdictKind.NOT_ENOUGH_DATA,
                "Not enough yet: " + bestKey + " leads with a "
                        + percent(comparison.chanceToBeBest()[best])
                        + " chance to be best, but choosing now could cost " + pointsPhrase(bestLoss)
                        + " on average; roughly " + more + " more " + trialsName + " per variant should settle"
                        + " it.",
                null,
                more,
                difference);
    }

    /** Φ⁻¹(p), the standard normal quantile (Acklam's rational approximation, relative error below 1.2e-9). */
    static double normalQuantile(double p) {
        double[] a = {
            -39.69683028665376,
            220.9460984245205,
            -275.9285104469687,
            138.3577518672690,
            -30.66479806614716,
            2.506628277459239
        };
        double[] b = {-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572};
        double[] c = {
            -0.007784894002430293,
            -0.3223964580411365,
            -2.400758277161838,
            -2.549732539343734,
            4.374664141464968,
            2.938163982698783
        };
        double[] d = {0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416};
        if (p <= 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (p >= 1) {
            return Double.POSITIVE_INFINITY;
        }
        if (p < 0.02425) {
            double q = Math.sqrt(-2 * Math.log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        if (p > 1 - 0.02425) {
            return -normalQuantile(1 - p);
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5])
                * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }

    /** A chance or rate in whole percent; never "100 %" or "0 %" for what is only nearly so. */
    private static String percent(double p) {
        if (p > 0.995 && p < 1) {
            return "over 99 %";
        }
        if (p < 0.005 && p > 0) {
            return "under 1 %";
        }
        return Math.round(p * 100) + " %";
    }

    /** A rate difference as a phrase: "1 point", "0.35 points", "less than 0.01 points". */
    static String pointsPhrase(double difference) {
        if (difference < 0.0001) {
            return "less than 0.01 points";
        }
        String points = points(difference);
        return points + (points.equals("1") ? " point" : " points");
    }

    /** A rate difference in percentage points, as an owner reads it: 0.1 → "10", 0.025 → "2.5", 0.0031 → "0.31". */
    static String points(double difference) {
        java.math.BigDecimal value = new java.math.BigDecimal(difference * 100)
                .round(new java.math.MathContext(2))
                .stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0).toPlainString() : value.toPlainString();
    }
}
