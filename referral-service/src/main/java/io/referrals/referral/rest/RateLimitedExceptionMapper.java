package io.referrals.referral.rest;

import io.referrals.platform.problem.Problem;
import io.referrals.platform.problem.RequestPaths;
import io.referrals.referral.service.RateLimitedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The 429 problem of a used-up intake link, with the Retry-After header the shared problem mapper cannot add. */
public class RateLimitedExceptionMapper {

    @ServerExceptionMapper
    public Response rateLimited(RateLimitedException e, UriInfo uri) {
        return Response.status(e.problem().status())
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds())
                .entity(e.problem().withInstance(RequestPaths.redacted(uri)))
                .build();
    }
}
