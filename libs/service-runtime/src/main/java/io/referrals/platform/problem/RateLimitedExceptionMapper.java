package io.referrals.platform.problem;

import io.referrals.platform.ratelimit.RateLimitedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The 429 problem of a request over a limit (RateLimitedException), with the Retry-After header the shared problem mapper cannot add. */
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
