package io.referrals.metrics.service.campaign;

/** A rate's successes and trials, its posterior mean and 95 % equal-tailed credible interval [low, high]. */
public record Rate(long successes, long trials, double mean, double low, double high) {}
