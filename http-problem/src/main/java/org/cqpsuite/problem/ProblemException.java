package org.cqpsuite.problem;

import java.util.List;
import java.util.Map;

/**
 * Thrown by resources and services to answer with a problem: the mapper turns it into an
 * {@code application/problem+json} response. Carries optional headers (e.g. {@code Retry-After}).
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private final transient Map<String, String> headers;

    public ProblemException(Problem problem) {
        this(problem, Map.of());
    }

    public ProblemException(Problem problem, Map<String, String> headers) {
        // An answer, not a fault: no stack trace to fill (a 404 for an unknown code is a common answer).
        super(problem.detail(), null, false, false);
        this.problem = problem;
        this.headers = Map.copyOf(headers);
    }

    public Problem problem() {
        return problem;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Problem.of(404, "not-found", "Not found", detail));
    }

    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(Problem.of(409, slug, "Conflict", detail));
    }

    /** Invalid input: 400 naming each field and rule. */
    public static ProblemException invalid(List<Problem.FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return new ProblemException(Problem.of(400, "validation", "Invalid request", detail).withErrors(errors));
    }

    public static ProblemException invalid(String field, String rule, String message) {
        return invalid(List.of(new Problem.FieldError(field, rule, message)));
    }
}
