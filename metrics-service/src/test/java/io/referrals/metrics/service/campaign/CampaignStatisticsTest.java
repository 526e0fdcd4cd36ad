package io.referrals.metrics.service.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The chance to be best and the expected loss against references computed here independently of the code under test:
 * the exact closed form for P(B > A) with integer Beta parameters (Evan Miller's sum, with a log-gamma by Stirling's
 * series, not the Lanczos of {@link Beta}), and a Monte Carlo with a fixed seed (Beta draws as a ratio of Gamma draws,
 * Marsaglia–Tsang) for the expected loss and for the chances among three variants. "To 3 decimals": within 5e-4,
 * and the Monte Carlo's standard error is asserted small enough (below 1.7e-4) for that to be a real check.
 */
class CampaignStatisticsTest {
    private static final double THREE_DECIMALS = 5e-4;
    private static final int DRAWS = 4_000_000;
    private static final int DRAWS_THREE_ARMS = 10_000_000;

    record Case(String name, long[][] data) {}

    @Test
    void chanceToBeBestAndExpectedLossMatchIndependentReferences() {
        List<Case> cases = List.of(
                new Case("0/0 vs 0/0", new long[][] {{0, 0}, {0, 0}}),
                new Case("0/5 vs 0/5", new long[][] {{0, 5}, {0, 5}}),
                new Case("0/5 vs 5/5", new long[][] {{0, 5}, {5, 5}}),
                new Case("5/5 vs 0/0", new long[][] {{5, 5}, {0, 0}}),
                new Case("3/20 vs 9/20", new long[][] {{3, 20}, {9, 20}}),
                new Case("300/1000 vs 330/1000", new long[][] {{300, 1000}, {330, 1000}}),
                new Case("3/20 vs 9/20 vs 6/20", new long[][] {{3, 20}, {9, 20}, {6, 20}}),
                new Case("0/0 vs 2/10 vs 5/12", new long[][] {{0, 0}, {2, 10}, {5, 12}}));
        List<String> table = new ArrayList<>();
        table.add(String.format(
                Locale.ROOT,
                "| %-22s | %-3s | %-9s | %-14s | %-9s | %-8s | %-14s | %-9s |",
                "case",
                "arm",
                "P(best)",
                "reference",
                "|diff|",
                "E[loss]",
                "MC (se)",
                "|diff|"));
        table.add("|---|---|---|---|---|---|---|---|");
        long seed = 20261207L;
        for (Case c : cases) {
            List<Beta> posteriors = new ArrayList<>();
            for (long[] arm : c.data()) {
                posteriors.add(Beta.posterior(arm[0], arm[1]));
            }
            Comparison computed = CampaignStatistics.compare(posteriors);
            int k = posteriors.size();
            MonteCarlo mc = monteCarlo(c.data(), k == 2 ? DRAWS : DRAWS_THREE_ARMS, seed++);
            for (int i = 0; i < k; i++) {
                double chanceReference;
                String chanceSource;
                if (k == 2) {
                    long[] self = c.data()[i];
                    long[] other = c.data()[1 - i];
                    chanceReference = probabilitySecondBeatsFirst(
                            1 + other[0], 1 + other[1] - other[0], 1 + self[0], 1 + self[1] - self[0]);
                    chanceSource = String.format(Locale.ROOT, "%.4f exact", chanceReference);
                } else {
                    chanceReference = mc.chance[i];
                    assertTrue(mc.chanceSe[i] < 1.7e-4, "Monte Carlo precise enough for " + c.name());
                    chanceSource = String.format(Locale.ROOT, "%.4f (%.1e)", chanceReference, mc.chanceSe[i]);
                }
                double chanceDiff = Math.abs(computed.chanceToBeBest()[i] - chanceReference);
                double lossDiff = Math.abs(computed.expectedLoss()[i] - mc.loss[i]);
                assertTrue(mc.lossSe[i] < 1.7e-4, "Monte Carlo precise enough for " + c.name());
                table.add(String.format(
                        Locale.ROOT,
                        "| %-22s | %-3s | %.4f    | %-14s | %.1e   | %.4f   | %.4f (%.1e) | %.1e   |",
                        c.name(),
                        (char) ('a' + i),
                        computed.chanceToBeBest()[i],
                        chanceSource,
                        chanceDiff,
                        computed.expectedLoss()[i],
                        mc.loss[i],
                        mc.lossSe[i],
                        lossDiff));
                assertEquals(chanceReference, computed.chanceToBeBest()[i], THREE_DECIMALS, c.name() + " chance " + i);
                assertEquals(mc.loss[i], computed.expectedLoss()[i], THREE_DECIMALS, c.name() + " loss " + i);
            }
        }
        System.out.println("Campaign statistics against independent references (prior Beta(1, 1)):");
        table.forEach(System.out::println);
    }

    @Test
    void twoFlatPosteriorsHaveTheTextbookAnswer() {
        // Two uniform rates: each is best half the time; E[max(U1, U2)] = 2/3, so the expected loss is 1/6.
        Comparison flat = CampaignStatistics.compare(List.of(Beta.posterior(0, 0), Beta.posterior(0, 0)));
        assertEquals(0.5, flat.chanceToBeBest()[0], 1e-9);
        assertEquals(1.0 / 6, flat.expectedLoss()[1], 1e-9);
    }

    @Test
    void credibleIntervalsAreTheBetaQuantiles() {
        // Beta(1, b) has the closed-form quantile 1 - (1 - p)^(1/b); Beta(a, 1) has p^(1/a).
        Rate none = CampaignStatistics.rate(0, 5);
        assertEquals(1 - Math.pow(0.975, 1.0 / 6), none.low(), 1e-12);
        assertEquals(1 - Math.pow(0.025, 1.0 / 6), none.high(), 1e-12);
        Rate all = CampaignStatistics.rate(5, 5);
        assertEquals(Math.pow(0.025, 1.0 / 6), all.low(), 1e-12);
        assertEquals(6.0 / 7, all.mean(), 1e-12);
        Rate flat = CampaignStatistics.rate(0, 0);
        assertEquals(0.025, flat.low(), 1e-12);
        assertEquals(0.975, flat.high(), 1e-12);
        // The design's example, 4 of 20: Beta(5, 17); its quantiles by the independent Simpson cdf below.
        Rate four = CampaignStatistics.rate(4, 20);
        assertEquals(5.0 / 22, four.mean(), 1e-12);
        assertEquals(0.025, referenceCdf(5, 17, four.low()), 1e-7);
        assertEquals(0.975, referenceCdf(5, 17, four.high()), 1e-7);
        Rate many = CampaignStatistics.rate(330, 1000);
        assertEquals(0.025, referenceCdf(331, 671, many.low()), 1e-7);
        assertEquals(0.975, referenceCdf(331, 671, many.high()), 1e-7);
        System.out.printf(
                Locale.ROOT,
                "4/20: mean %.3f, 95 %% [%.3f, %.3f]; 330/1000: mean %.4f, 95 %% [%.4f, %.4f]%n",
                four.mean(),
                four.low(),
                four.high(),
                many.mean(),
                many.low(),
                many.high());
    }

    @Test
    void trialsPerVariantFollowTheClassicFormula() {
        // (1.95996 + 0.84162)^2 * (0.21 + 0.25) / 0.04 = 90.26: about 90 per arm for 30 % vs 50 %.
        assertEquals(91, CampaignStatistics.trialsPerVariant(0.3, 0.2));
        assertEquals(354, CampaignStatistics.trialsPerVariant(0.3, 0.1));
        // Near 1 the second rate is taken below: 0.95 vs 0.85.
        assertEquals(CampaignStatistics.trialsPerVariant(0.85, 0.1), CampaignStatistics.trialsPerVariant(0.95, 0.1));
    }

    @Test
    void theVerdictWaitsForEnoughDataThenNamesALeaderOrNoMeaningfulDifference() {
        Verdict none = verdict(0.2, new long[] {0, 0}, new long[] {0, 0});
        assertEquals(VerdictKind.NOT_ENOUGH_DATA, none.kind());
        assertEquals(91, none.moreTrialsPerVariant()); // 0.3 assumed without data, vs 0.5
        Verdict small = verdict(0.2, new long[] {3, 20}, new long[] {9, 20});
        assertEquals(VerdictKind.NOT_ENOUGH_DATA, small.kind());
        assertEquals(71, small.moreTrialsPerVariant()); // pooled 12/40 = 0.3: 91 needed, 20 so far
        assertEquals(
                "Not enough yet: about 71 more partners asked per variant would tell a 20-point difference.",
                small.text());
        assertNull(small.leader());

        Verdict clear = verdict(0.1, new long[] {100, 1000}, new long[] {200, 1000});
        assertEquals(VerdictKind.LEADER, clear.kind(), clear.text());
        assertEquals("b", clear.leader());

        Verdict same = verdict(0.1, new long[] {300, 1000}, new long[] {301, 1000});
        assertEquals(VerdictKind.NO_MEANINGFUL_DIFFERENCE, same.kind(), same.text());

        Verdict close = verdict(0.1, new long[] {300, 1000}, new long[] {330, 1000});
        assertEquals(VerdictKind.NOT_ENOUGH_DATA, close.kind(), close.text()); // b ahead with ~92 %: not yet clear
        assertTrue(close.moreTrialsPerVariant() > 0);

        Verdict three = verdict(0.1, new long[] {300, 1000}, new long[] {301, 1000}, new long[] {200, 1000});
        assertEquals(VerdictKind.NO_MEANINGFUL_DIFFERENCE, three.kind(), three.text());
        assertTrue(three.text().endsWith("c is likely worse."), three.text());

        Verdict one = verdict(0.1, new long[] {4, 20});
        assertEquals(VerdictKind.SINGLE_VARIANT, one.kind());
        for (Verdict v : List.of(none, small, clear, same, close, three, one)) {
            System.out.println(v.kind().json() + ": " + v.text());
            assertTrue(!v.text().toLowerCase(Locale.ROOT).contains("significan"), v.text());
            assertTrue(!v.text().toLowerCase(Locale.ROOT).contains("p-value"), v.text());
        }
    }

    private static Verdict verdict(double difference, long[]... arms) {
        List<CampaignStatistics.Arm> list = new ArrayList<>();
        List<Beta> posteriors = new ArrayList<>();
        for (int i = 0; i < arms.length; i++) {
            list.add(new CampaignStatistics.Arm(String.valueOf((char) ('a' + i)), arms[i][0], arms[i][1]));
            posteriors.add(Beta.posterior(arms[i][0], arms[i][1]));
        }
        return CampaignStatistics.verdict(list, CampaignStatistics.compare(posteriors), difference, "partners asked");
    }

    // ---- independent references ----

    /** Evan Miller: P(p_B > p_A) = Σ_{i=0}^{αB-1} B(αA+i, βA+βB) / ((βB+i) B(1+i, βB) B(αA, βA)). */
    static double probabilitySecondBeatsFirst(long alphaA, long betaA, long alphaB, long betaB) {
        double total = 0;
        for (long i = 0; i < alphaB; i++) {
            total += Math.exp(lnBeta(alphaA + i, betaA + betaB)
                    - Math.log(betaB + i)
                    - lnBeta(1 + i, betaB)
                    - lnBeta(alphaA, betaA));
        }
        return total;
    }

    static double lnBeta(double a, double b) {
        return lnGamma(a) + lnGamma(b) - lnGamma(a + b);
    }

    /** Stirling's series after shifting the argument past 10 (error below 1e-14 there). */
    static double lnGamma(double x) {
        double shift = 0;
        while (x < 10) {
            shift += Math.log(x);
            x += 1;
        }
        double inv = 1 / x;
        double inv2 = inv * inv;
        double series = inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 * (1.0 / 1260 - inv2 / 1680)));
        return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + series - shift;
    }

    /** The Beta cdf by plain Simpson on the density, 200,000 panels: slow and simple, for the quantile checks. */
    static double referenceCdf(double a, double b, double x) {
        int n = 200_000;
        double h = x / n;
        double lnNorm = lnBeta(a, b);
        double sum = 0;
        for (int i = 0; i <= n; i++) {
            double t = i * h;
            double f = t == 0
                    ? (a == 1 ? Math.exp(-lnNorm) : 0)
                    : Math.exp((a - 1) * Math.log(t) + (b - 1) * Math.log1p(-t) - lnNorm);
            sum += f * (i == 0 || i == n ? 1 : (i % 2 == 1 ? 4 : 2));
        }
        return sum * h / 3;
    }

    record MonteCarlo(double[] chance, double[] chanceSe, double[] loss, double[] lossSe) {}

    static MonteCarlo monteCarlo(long[][] arms, int draws, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int k = arms.length;
        long[] wins = new long[k];
        double[] lossSum = new double[k];
        double[] lossSquares = new double[k];
        double[] p = new double[k];
        for (int n = 0; n < draws; n++) {
            int best = 0;
            for (int i = 0; i < k; i++) {
                double x = gamma(random, 1 + arms[i][0]);
                double y = gamma(random, 1 + arms[i][1] - arms[i][0]);
                p[i] = x / (x + y);
                if (p[i] > p[best]) {
                    best = i;
                }
            }
            wins[best]++;
            for (int i = 0; i < k; i++) {
                double loss = p[best] - p[i];
                lossSum[i] += loss;
                lossSquares[i] += loss * loss;
            }
        }
        double[] chance = new double[k];
        double[] chanceSe = new double[k];
        double[] loss = new double[k];
        double[] lossSe = new double[k];
        for (int i = 0; i < k; i++) {
            chance[i] = (double) wins[i] / draws;
            chanceSe[i] = Math.sqrt(chance[i] * (1 - chance[i]) / draws);
            loss[i] = lossSum[i] / draws;
            lossSe[i] = Math.sqrt((lossSquares[i] / draws - loss[i] * loss[i]) / draws);
        }
        return new MonteCarlo(chance, chanceSe, loss, lossSe);
    }

    /** Marsaglia–Tsang for shape >= 1. */
    static double gamma(SplittableRandom random, double shape) {
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x;
            double v;
            do {
                x = random.nextGaussian();
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = random.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }
}
