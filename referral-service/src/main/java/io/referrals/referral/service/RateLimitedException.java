package io.referrals.referral.service;

import io.referrals.platform.problem.Problem;
import io.referrals.platform.problem.ProblemException;

/** 429 for an intake link whose requests this minute are used up; the API answers it with a Retry-After header. */
public class RateLimitedException extends ProblemException {
    private final long retryAfterSeconds;

    public RateLimitedException(int limitPerMinute, long retryAfterSeconds) {
        super(Problem.of(
                429,
                "rate-limited",
                "Too many requests",
                "This intake link accepts " + limitPerMinute + " requests a minute; retry after " + retryAfterSeconds
                        + " seconds."));
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
