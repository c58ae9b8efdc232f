package org.cqpsuite.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem details document, the body of every error answer ({@code application/problem+json}).
 *
 * @param type a URI naming the kind of problem, stable across versions ({@code urn:cqp-suite:problem:<slug>})
 * @param title a short summary of the kind of problem
 * @param status the HTTP status
 * @param detail what went wrong with this request
 * @param instance the path of the request
 * @param errors for invalid input: each field and the rule it breaks
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        @Schema(example = "urn:cqp-suite:problem:validation") String type,
        @Schema(example = "Invalid request") String title,
        @Schema(example = "400") int status,
        @Schema(example = "2 fields are invalid") String detail,
        @Schema(example = "/certifications") String instance,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_PREFIX = "urn:cqp-suite:problem:";

    /**
     * One invalid field.
     *
     * @param field where in the request: a JSON path in the body ({@code cpnes[1].idcc}), or a query, path or header
     *        parameter name
     * @param rule the rule broken, a stable code ({@code required}, {@code pattern}, {@code unknown-branch}...)
     * @param message the rule in words
     */
    @Schema(name = "FieldError")
    public record FieldError(
            @Schema(example = "cpnes[1].idcc") String field,
            @Schema(example = "pattern") String rule,
            @Schema(example = "must be 4 digits (IDCC code), e.g. 0018") String message) {
    }

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(TYPE_PREFIX + slug, title, status, detail, null, List.of());
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, errors);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, instance, List.copyOf(fieldErrors));
    }
}
