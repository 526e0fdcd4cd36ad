package io.referrals.metrics.service.campaign;

/** Per variant, in the order given: the chance it is the best, and the expected loss (rate points) of choosing it. */
public record Comparison(double[] chanceToBeBest, double[] expectedLoss) {}
