package io.referrals.platform.rest;

import io.referrals.platform.problem.Problem;
import io.referrals.platform.problem.ProblemResponses;
import io.referrals.platform.problem.RequestPaths;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Holds every request body to {@link BodyLimitConfig#maxBytes()} (64 KB) before it is read, and the few paths allowed
 * more to {@link BodyLimitConfig#largeMaxBytes()}: a declared Content-Length over the limit is refused at once, a body
 * without one is refused as soon as it passes the limit while being read. Either way a 413 problem.
 */
@Singleton
public class BodyLimitFilter {

    /** Looked up per request: REST filters are built at static init, before runtime configuration mappings. */
    @Inject
    Instance<BodyLimitConfig> limits;

    @ServerRequestFilter(preMatching = true)
    public Response limit(ContainerRequestContext request) {
        BodyLimitConfig config = limits.get();
        String path = request.getUriInfo().getPath();
        long max =
                config.largeBodyPaths().orElse(List.of()).contains(path) ? config.largeMaxBytes() : config.maxBytes();
        String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (declared != null) {
            long length;
            try {
                length = Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                return null; // the server itself refuses a malformed Content-Length
            }
            return length > max ? tooLarge(max, RequestPaths.redacted(path)) : null;
        }
        if (request.hasEntity()) {
            request.setEntityStream(new Limited(request.getEntityStream(), max, RequestPaths.redacted(path)));
        }
        return null;
    }

    static Response tooLarge(long max, String instance) {
        return ProblemResponses.of(Problem.of(
                        413,
                        "body-too-large",
                        "Request body too large",
                        "A request body may have at most " + max / 1024 + " KB here.")
                .withInstance(instance));
    }

    /** Counts the bytes read and refuses the request past the limit. */
    private static final class Limited extends FilterInputStream {
        private final long max;
        private final String instance;
        private long read;

        Limited(InputStream in, long max, String instance) {
            super(in);
            this.max = max;
            this.instance = instance;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long bytes) {
            read += bytes;
            if (read > max) {
                throw new WebApplicationException(tooLarge(max, instance));
            }
        }
    }
}
