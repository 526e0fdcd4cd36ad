package io.referrals.platform.problem;

import java.util.List;
import java.util.Map;

/** Thrown by services to answer with a specific problem; nothing in the transaction is kept. */
public class ProblemException extends RuntimeException {
    private final Problem problem;

    public ProblemException(Problem problem) {
        super(problem.title() + (problem.detail() == null ? "" : ": " + problem.detail()));
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    /** 404 for both missing resources and other tenants' resources, so neither can be told apart. */
    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(Problem.of(
                404,
                "not-found",
                what + " not found",
                "No " + what.toLowerCase() + " with id " + id + " exists in this practice."));
    }

    public static ProblemException conflict(String slug, String title, String detail, Map<String, Object> extensions) {
        return new ProblemException(Problem.of(409, slug, title, detail).withExtensions(extensions));
    }

    public static ProblemException unprocessable(String slug, String title, String detail) {
        return new ProblemException(Problem.of(422, slug, title, detail));
    }

    public static ProblemException invalidField(String field, String message) {
        return invalidFields(List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException invalidFields(List<Problem.FieldError> errors) {
        return new ProblemException(Problem.validationFailed(errors));
    }
}
