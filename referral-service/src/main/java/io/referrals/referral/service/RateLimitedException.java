package io.referrals.referral.service;

import io.referrals.platform.problem.Problem;
import io.referrals.platform.problem.ProblemException;

/** 429 for intake requests over a limit; the API answers it with a Retry-After header. */
public class RateLimitedException extends ProblemException {
    private final long retryAfterSeconds;

    public RateLimitedException(int limitPerMinute, long retryAfterSeconds) {
        this("This intake link accepts " + limitPerMinute + " requests a minute", retryAfterSeconds);
    }

    public RateLimitedException(String limit, long retryAfterSeconds) {
        super(Problem.of(
                429, "rate-limited", "Too many requests", limit + "; retry after " + retryAfterSeconds + " seconds."));
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
