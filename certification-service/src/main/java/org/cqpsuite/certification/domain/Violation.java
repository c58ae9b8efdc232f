package org.cqpsuite.certification.domain;

import java.util.Objects;

/**
 * One broken input rule; resources answer 400 with one field error per violation.
 *
 * @param field the JSON path as the client wrote it: {@code cpnes[1].idcc}, {@code blocks[0].skills[2].label}, or
 *        {@code body} for the whole body
 * @param rule a stable kebab-case code clients may test: {@code required}, {@code pattern}, {@code max-length},
 *        {@code duplicate}, {@code min-branches}, {@code unknown-branch}, {@code unknown-target},
 *        {@code effective-date-order}
 * @param message the rule in words, with an example of a valid value
 */
public record Violation(String field, String rule, String message) {

    public static final String REQUIRED = "required";
    public static final String PATTERN = "pattern";
    public static final String MAX_LENGTH = "max-length";
    public static final String DUPLICATE = "duplicate";
    public static final String MIN_BRANCHES = "min-branches";
    public static final String UNKNOWN_BRANCH = "unknown-branch";
    public static final String UNKNOWN_TARGET = "unknown-target";
    public static final String EFFECTIVE_DATE_ORDER = "effective-date-order";

    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }
}
