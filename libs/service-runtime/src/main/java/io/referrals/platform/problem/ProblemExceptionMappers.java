package io.referrals.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.referrals.platform.availability.DatabaseAvailability;
import io.referrals.platform.availability.TransientFailures;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error a service answers, as RFC 9457 problem+json. */
public class ProblemExceptionMappers {
    private static final Logger LOG = Logger.getLogger(ProblemExceptionMappers.class);

    @Inject
    DatabaseAvailability availability;

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return ProblemResponses.of(e.problem().withInstance(RequestPaths.redacted(uri)));
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return ProblemResponses.of(Problem.validationFailed(errors).withInstance(RequestPaths.redacted(uri)));
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonParseException e, UriInfo uri) {
        return ProblemResponses.of(
                Problem.of(400, "malformed-json", "Request body is not valid JSON", e.getOriginalMessage())
                        .withInstance(RequestPaths.redacted(uri)));
    }

    @ServerExceptionMapper({
        MismatchedInputException.class,
        InvalidFormatException.class,
        ValueInstantiationException.class,
        JsonMappingException.class
    })
    public Response mismatchedJson(JsonMappingException e, UriInfo uri) {
        String field = jsonPath(e);
        String message;
        if (e instanceof InvalidFormatException ife
                && ife.getTargetType() != null
                && ife.getTargetType().isEnum()) {
            message = "must be one of "
                    + Arrays.stream(ife.getTargetType().getEnumConstants())
                            .map(c -> c.toString().toLowerCase())
                            .collect(Collectors.joining(", "));
        } else if (e instanceof InvalidFormatException ife && ife.getTargetType() == String.class) {
            message = ife.getOriginalMessage(); // PlainTextDeserializer's refusal: names the character, not the value
        } else {
            message = "has the wrong type or format";
        }
        return ProblemResponses.of(Problem.validationFailed(List.of(new Problem.FieldError(field, message)))
                .withInstance(RequestPaths.redacted(uri)));
    }

    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        Problem problem = Problem.of(
                        401,
                        "unauthorized",
                        "Authentication required",
                        "Send a valid bearer token in the Authorization header.")
                .withInstance(RequestPaths.redacted(uri));
        return Response.status(401)
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(problem)
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return ProblemResponses.of(
                Problem.of(403, "forbidden", "Not allowed", "Your role does not allow this operation.")
                        .withInstance(RequestPaths.redacted(uri)));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        if (e.getResponse().getEntity() instanceof Problem problem) {
            return ProblemResponses.of(problem.withInstance(RequestPaths.redacted(uri)));
        }
        int status = e.getResponse().getStatus();
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "HTTP " + status : type.getReasonPhrase();
        String slug = title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
        Response.ResponseBuilder response = Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(status, slug, title, e.getMessage()).withInstance(RequestPaths.redacted(uri)));
        // Keep headers such as Allow and Retry-After that the original response carried.
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
                values.forEach(v -> response.header(name, v));
            }
        });
        return response.build();
    }

    /**
     * A request that cannot reach the database answers 503 with Retry-After: the client did nothing wrong and the
     * same request will work once the database is back. Counted, not logged: {@link DatabaseAvailability} logs once
     * when the database goes and once when it is back, with how many requests were refused meanwhile.
     */
    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        if (TransientFailures.isDatabaseUnreachable(e)) {
            availability.unreachable(e);
            availability.refused();
            long retryAfter = availability.retryAfterSeconds();
            return ProblemResponses.of(
                    Problem.serviceUnavailable("The database cannot be reached at the moment. Retry after " + retryAfter
                                    + " seconds; a write retried with the same Idempotency-Key is applied once.")
                            .withInstance(RequestPaths.redacted(uri)),
                    retryAfter);
        }
        if (UniqueViolations.isUniqueViolation(e)) {
            return ProblemResponses.of(UniqueViolations.problem().withInstance(RequestPaths.redacted(uri)));
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s", errorId, RequestPaths.redacted(uri));
        return ProblemResponses.of(
                Problem.of(500, "internal-error", "Internal error", "The error was logged with id " + errorId + ".")
                        .withInstance(RequestPaths.redacted(uri)));
    }

    /** {@code create.request.referred.email} becomes {@code referred.email}: the method and parameter are noise. */
    static String fieldOf(ConstraintViolation<?> violation) {
        List<String> nodes = StreamSupport.stream(violation.getPropertyPath().spliterator(), false)
                .map(Path.Node::getName)
                .filter(n -> n != null && !n.startsWith("<"))
                .toList();
        if (nodes.size() <= 2) {
            return nodes.isEmpty() ? "" : nodes.get(nodes.size() - 1);
        }
        return String.join(".", nodes.subList(2, nodes.size()));
    }

    private static String jsonPath(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        return path.replace(".[", "[");
    }
}
