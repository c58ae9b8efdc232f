package org.cqpsuite.registration.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Small helpers shared by the value types and the rules. */
final class Values {

    /** Values echoed back in messages are cut here so that a huge input does not make a huge answer. */
    private static final int QUOTE_MAX = 40;

    private Values() {
    }

    /**
     * An unmodifiable copy, {@code null} as empty. Unlike {@link List#copyOf} it keeps {@code null} elements: a body
     * such as {@code "blocks": [null]} must reach the rules and be reported, not fail with a NullPointerException.
     */
    static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(values));
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    static String strip(String value) {
        return value == null ? null : value.strip();
    }

    /** Length as a reader (and a PostgreSQL {@code VARCHAR(n)}) counts it: code points of the stripped text. */
    static int length(String value) {
        String stripped = value.strip();
        return stripped.codePointCount(0, stripped.length());
    }

    static String quote(String value) {
        if (value == null) {
            return "null";
        }
        String shown = value.length() > QUOTE_MAX ? value.substring(0, QUOTE_MAX) + "…" : value;
        return '"' + shown + '"';
    }
}
