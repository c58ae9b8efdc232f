package org.cqpsuite.problem;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * What a date is in a request, in a body or a parameter: a calendar date {@code YYYY-MM-DD} (ISO 8601) of a year
 * from 0001 to 9999. {@code 2025-02-30}, {@code 0000-01-01}, {@code +99999-01-01} or {@code 2024-1-5} are not.
 */
public final class Dates {

    /** How the problem describes a date, e.g. {@code date: must be a date YYYY-MM-DD, not "2025-02-30"}. */
    public static final String EXPECTED = "a date YYYY-MM-DD";
    private static final DateTimeFormatter STRICT = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    private Dates() {
    }

    /** The date, or null when the text is not one (surrounding spaces ignored). */
    public static LocalDate parse(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.trim();
        if (!trimmed.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(trimmed, STRICT);
            return date.getYear() < 1 ? null : date;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
