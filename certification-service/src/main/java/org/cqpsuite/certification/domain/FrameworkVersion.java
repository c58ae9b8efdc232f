package org.cqpsuite.certification.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The stamp of one immutable version of a framework: every change to a framework makes a new version, and earlier
 * versions stay readable.
 *
 * @param kind which framework
 * @param number 1, 2, 3... per certification and kind
 * @param effectiveDate from when this version applies (date d'effet)
 * @param author who wrote it (a user, or the directory importer)
 */
public record FrameworkVersion(FrameworkKind kind, int number, LocalDate effectiveDate, String author) {

    public FrameworkVersion {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(effectiveDate, "effectiveDate");
        if (number < 1) {
            throw new IllegalArgumentException("Version numbers start at 1, got " + number);
        }
        if (Values.blank(author)) {
            throw new IllegalArgumentException("A framework version needs an author");
        }
    }
}
