package io.referrals.platform.problem;

import jakarta.ws.rs.core.Response;

/** Turns a {@link Problem} into a JAX-RS response with the problem+json media type. */
public final class ProblemResponses {
    private ProblemResponses() {}

    public static Response of(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .build();
    }

    /** A problem the client may retry: {@code Retry-After} says after how many seconds (RFC 9110). */
    public static Response of(Problem problem, long retryAfterSeconds) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .header("Retry-After", Long.toString(retryAfterSeconds))
                .entity(problem)
                .build();
    }
}
