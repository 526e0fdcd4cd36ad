package io.referrals.platform.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.referrals.platform.problem.Problem;
import io.referrals.platform.problem.RequestPaths;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * Refusals the HTTP layer would otherwise answer with a bare status line (414, 431, and 413 for a declared length
 * over {@link BodyLimitConfig#largeMaxBytes()}), answered first, as problem+json like every other error. Runs before
 * any other route.
 * What the codec itself still refuses (a request line or headers over its far higher limits, or a request it cannot
 * parse) gets Vert.x's bare answer: Quarkus gives no hook before that (quarkusio/quarkus#55082).
 */
@ApplicationScoped
public class HttpLimits {
    /** Before Quarkus' own routes, which start at 0 and below for its security and body handlers. */
    private static final int FIRST = Integer.MIN_VALUE + 1000;

    /** " HTTP/1.1" and the space after the method: the request line beyond its method and target. */
    private static final int REQUEST_LINE_OVERHEAD = 10;

    @Inject
    HttpLimitsConfig limits;

    @Inject
    ObjectMapper json;

    @Inject
    BodyLimitConfig bodies;

    void install(@Observes Router router) {
        router.route().order(FIRST).handler(this::check);
    }

    void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        int line = request.method().name().length() + request.uri().length() + REQUEST_LINE_OVERHEAD;
        if (line > limits.maxRequestLine()) {
            refuse(
                    context,
                    414,
                    "uri-too-long",
                    "Request URI too long",
                    "A request line may have at most " + limits.maxRequestLine() + " bytes here.");
            return;
        }
        long headers = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headers += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headers > limits.maxHeaders()) {
            refuse(
                    context,
                    431,
                    "headers-too-large",
                    "Request header fields too large",
                    "The request's headers may have at most " + limits.maxHeaders() / 1024 + " KB here.");
            return;
        }
        String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && declaredOver(declared, bodies.largeMaxBytes())) {
            refuse(
                    context,
                    413,
                    "body-too-large",
                    "Request body too large",
                    "A request body may have at most " + bodies.largeMaxBytes() / 1024 + " KB on any path here.");
            return;
        }
        context.next();
    }

    private static boolean declaredOver(String declared, long max) {
        try {
            return Long.parseLong(declared.trim()) > max;
        } catch (NumberFormatException e) {
            return false; // the codec refuses a malformed Content-Length itself
        }
    }

    private void refuse(RoutingContext context, int status, String slug, String title, String detail) {
        Problem problem = Problem.of(status, slug, title, detail)
                .withInstance(RequestPaths.redacted(context.request().path()));
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // The rest of an oversized request is not read: the connection closes after the answer.
        HttpServerRequest request = context.request();
        context.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body)
                .onComplete(sent -> request.connection().close());
    }
}
