package org.cqpsuite.registration.domain;

import java.util.Objects;

/**
 * One broken input rule; resources answer 400 with one field error per violation. Same shape as certification-service's
 * {@code Violation}, but its own class: the services share no classes, only contracts.
 *
 * @param field the JSON path as the client wrote it: {@code transmittedOn}, {@code blocks[1].code}, or {@code body}
 *        for the whole body
 * @param rule a stable kebab-case code clients may test (the constants of this record)
 * @param message the rule in words, with an example of a valid value
 */
public record Violation(String field, String rule, String message) {

    /** A value is missing or blank. */
    public static final String REQUIRED = "required";
    /** A code does not have the form its directory gives it. */
    public static final String PATTERN = "pattern";
    /** A text is too long (counted in characters of the stripped text). */
    public static final String MAX_LENGTH = "max-length";
    /** The same block is listed twice. */
    public static final String DUPLICATE = "duplicate";
    /** The code is already held by another registration of the same directory. */
    public static final String DUPLICATE_CODE = "duplicate-code";
    /** A date that records a past fact (transmission, request, decision) is after today. */
    public static final String FUTURE_DATE = "future-date";
    /** No transmission to France compétences has been recorded: a registration cannot be requested yet. */
    public static final String TRANSMISSION_REQUIRED = "transmission-required";
    /** The request date is before the date of the current transmission. */
    public static final String BEFORE_TRANSMISSION = "before-transmission";
    /** A corrected transmission date would come after a registration request already recorded. */
    public static final String AFTER_REQUEST = "after-request";
    /** The decision date is before the request date. */
    public static final String BEFORE_REQUEST = "before-request";
    /** The end date is not after the effective date. */
    public static final String DATE_ORDER = "date-order";
    /** A registration on request lasts more than five years. */
    public static final String MAX_DURATION = "max-duration";
    /** A date (award deadline, withdrawal) is before the effective date of the registration. */
    public static final String BEFORE_EFFECTIVE_DATE = "before-effective-date";
    /** A withdrawal takes effect after the registration has already ended. */
    public static final String AFTER_END_DATE = "after-end-date";
    /** A renewal is dated before the registration it renews. */
    public static final String BEFORE_PREDECESSOR = "before-predecessor";
    /** A number (the qualification level) is outside its range. */
    public static final String RANGE = "range";
    /** A field is given where it has no meaning (a level in the RS, blocks in the RS, a code on a refusal...). */
    public static final String NOT_ALLOWED = "not-allowed";
    /** A skills block code does not start with the code of its registration. */
    public static final String BLOCK_CODE_PREFIX = "block-code-prefix";

    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }
}
