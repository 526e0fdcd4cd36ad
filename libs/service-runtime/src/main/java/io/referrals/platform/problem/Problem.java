package io.referrals.platform.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem details body. {@code type} names the kind of problem, {@code errors} lists
 * field-level validation failures, and {@code extensions} carries problem-specific members
 * (for example the allowed next states of a refused transition).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        URI type,
        String title,
        int status,
        String detail,
        String instance,
        List<FieldError> errors,
        @com.fasterxml.jackson.annotation.JsonIgnore Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://referrals.example/problems/";
    private static final java.util.Set<String> STANDARD_MEMBERS =
            java.util.Set.of("type", "title", "status", "detail", "instance", "errors");

    /** A problem whose type URI is built from a short slug such as {@code validation-failed}. */
    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(URI.create(TYPE_BASE + slug), title, status, detail, null, List.of(), Map.of());
    }

    /** 400 validation-failed: the one problem for invalid input, listing each invalid field. */
    public static Problem validationFailed(List<FieldError> fieldErrors) {
        return of(400, "validation-failed", "Request is not valid", "One or more fields are invalid.")
                .withErrors(fieldErrors);
    }

    /**
     * 503 service-unavailable: a dependency the request needs (the database) cannot be reached for now. Nothing was
     * changed; the same request may be sent again after the {@code Retry-After} that comes with it.
     */
    public static Problem serviceUnavailable(String detail) {
        return of(503, "service-unavailable", "Service temporarily unavailable", detail);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, instance, fieldErrors, extensions);
    }

    /** Problem-specific members; they may not reuse the names RFC 9457 defines. */
    public Problem withExtensions(Map<String, Object> more) {
        more.keySet().stream().filter(STANDARD_MEMBERS::contains).findAny().ifPresent(name -> {
            throw new IllegalArgumentException("'" + name + "' is a standard problem member, not an extension");
        });
        return new Problem(type, title, status, detail, instance, errors, more);
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, errors, extensions);
    }

    @JsonAnyGetter
    public Map<String, Object> extensionMembers() {
        return extensions == null ? Map.of() : extensions;
    }

    /** One invalid input field: its JSON path and what is wrong with it. */
    public record FieldError(String field, String message) {}
}
