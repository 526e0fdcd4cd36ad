package io.referrals.metrics.service.campaign;

/**
 * A Beta(a, b) distribution with a, b >= 1 (a Beta(1, 1) prior updated by successes and failures), so its density is
 * bounded on [0, 1]. Pure Java: the regularized incomplete beta by its continued fraction (Numerical Recipes' betacf,
 * modified Lentz), log-gamma by Lanczos (g = 7, 9 terms: relative error below 1e-15).
 */
public record Beta(double a, double b) {
    private static final double[] LANCZOS = {
        0.99999999999980993,
        676.5203681218851,
        -1259.1392167224028,
        771.32342877765313,
        -176.61502916214059,
        12.507343278686905,
        -0.13857109526572012,
        9.9843695780195716e-6,
        1.5056327351493116e-7
    };
    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
    private static final double TINY = 1e-300;
    private static final double EPSILON = 1e-15;

    public Beta {
        if (!(a >= 1) || !(b >= 1)) {
            throw new IllegalArgumentException("a and b must be at least 1");
        }
    }

    /** The posterior of a rate after {@code successes} of {@code trials}, from the uniform prior Beta(1, 1). */
    public static Beta posterior(long successes, long trials) {
        if (successes < 0 || trials < successes) {
            throw new IllegalArgumentException("0 <= successes <= trials");
        }
        return new Beta(1 + successes, 1 + trials - successes);
    }

    public double mean() {
        return a / (a + b);
    }

    public double variance() {
        double s = a + b;
        return a * b / (s * s * (s + 1));
    }

    public double density(double x) {
        if (x < 0 || x > 1) {
            return 0;
        }
        if (x == 0) {
            return a == 1 ? Math.exp(-logBeta(a, b)) : 0;
        }
        if (x == 1) {
            return b == 1 ? Math.exp(-logBeta(a, b)) : 0;
        }
        return Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - logBeta(a, b));
    }

    /** P(X <= x): the regularized incomplete beta I_x(a, b). */
    public double cdf(double x) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        double front = Math.exp(a * Math.log(x) + b * Math.log1p(-x) - logBeta(a, b));
        // The continued fraction converges fast for x < (a + 1) / (a + b + 2); beyond, by symmetry.
        if (x < (a + 1) / (a + b + 2)) {
            return front * continuedFraction(a, b, x) / a;
        }
        return 1 - front * continuedFraction(b, a, 1 - x) / b;
    }

    /** The x with P(X <= x) = p, by bisection on the cdf (monotone; 200 halvings reach double precision). */
    public double quantile(double p) {
        if (p <= 0) {
            return 0;
        }
        if (p >= 1) {
            return 1;
        }
        double low = 0;
        double high = 1;
        for (int i = 0; i < 200 && high - low > 1e-15; i++) {
            double mid = 0.5 * (low + high);
            if (cdf(mid) < p) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return 0.5 * (low + high);
    }

    private static double continuedFraction(double a, double b, double x) {
        double qab = a + b;
        double qap = a + 1;
        double qam = a - 1;
        double c = 1;
        double d = 1 - qab * x / qap;
        if (Math.abs(d) < TINY) {
            d = TINY;
        }
        d = 1 / d;
        double h = d;
        for (int m = 1; m <= 10_000; m++) {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1 + aa * d;
            if (Math.abs(d) < TINY) {
                d = TINY;
            }
            c = 1 + aa / c;
            if (Math.abs(c) < TINY) {
                c = TINY;
            }
            d = 1 / d;
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1 + aa * d;
            if (Math.abs(d) < TINY) {
                d = TINY;
            }
            c = 1 + aa / c;
            if (Math.abs(c) < TINY) {
                c = TINY;
            }
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < EPSILON) {
                return h;
            }
        }
        throw new ArithmeticException("incomplete beta did not converge for a=" + a + ", b=" + b + ", x=" + x);
    }

    static double logBeta(double a, double b) {
        return logGamma(a) + logGamma(b) - logGamma(a + b);
    }

    /** ln Γ(x) for x > 0 (Lanczos). */
    static double logGamma(double x) {
        if (x < 0.5) { // reflection, for completeness; the posteriors here never need it
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        double z = x - 1;
        double sum = LANCZOS[0];
        for (int i = 1; i < LANCZOS.length; i++) {
            sum += LANCZOS[i] / (z + i);
        }
        double t = z + 7.5;
        return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
    }
}
