package io.referrals.platform.ratelimit;

import io.referrals.platform.problem.Problem;
import io.referrals.platform.problem.ProblemException;

/**
 * 429 for requests over a limit (the public intake, portal sign-in links); the API answers it with a Retry-After header
 * ({@code problem.RateLimitedExceptionMapper}). {@code limit} says the limit in words, never whose requests they were.
 */
public class RateLimitedException extends ProblemException {
    private final long retryAfterSeconds;

    public RateLimitedException(String limit, long retryAfterSeconds) {
        super(Problem.of(
                429, "rate-limited", "Too many requests", limit + "; retry after " + retryAfterSeconds + " seconds."));
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
