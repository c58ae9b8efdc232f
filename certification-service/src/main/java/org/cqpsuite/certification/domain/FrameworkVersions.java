package org.cqpsuite.certification.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The versioning rule of the three frameworks, per certification and framework kind:
 * <ul>
 * <li>numbers: the next is the highest existing plus one, starting at 1 (gaps, if any, are not filled: a number once
 * given is never reused);</li>
 * <li>effective date: the requested one, or today in Europe/Paris (French law, French calendar days) from the injected
 * clock; it may be in the future, and may equal but not precede the previous version's
 * ({@code effective-date-order}), so that the version in effect on a date is always the latest one started.</li>
 * </ul>
 */
public final class FrameworkVersions {

    /** The calendar the effective dates are days of. */
    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final Clock clock;

    public FrameworkVersions(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Today's date in Europe/Paris, whatever the clock's own zone. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), PARIS);
    }

    /** The requested effective date, or today when none is requested. */
    public LocalDate effectiveDate(LocalDate requested) {
        return requested != null ? requested : today();
    }

    /** The next version number given the existing ones of one framework kind: max + 1, or 1 when there are none. */
    public static int nextNumber(Collection<Integer> existingNumbers) {
        return existingNumbers == null ? 1 : existingNumbers.stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
    }

    /** The latest version of one framework kind (the highest number), if any. */
    public static Optional<FrameworkVersion> latest(FrameworkKind kind, Collection<FrameworkVersion> versions) {
        return ofKind(kind, versions).max(Comparator.comparingInt(FrameworkVersion::number));
    }

    /** The version of one framework kind in effect on a date: the latest one whose effective date is on or before it. */
    public static Optional<FrameworkVersion> inEffectOn(FrameworkKind kind, Collection<FrameworkVersion> versions,
            LocalDate date) {
        Objects.requireNonNull(date, "date");
        return ofKind(kind, versions).filter(version -> !version.effectiveDate().isAfter(date))
                .max(Comparator.comparingInt(FrameworkVersion::number));
    }

    /**
     * The rules for a new version of {@code kind}, given all the certification's versions (other kinds are ignored):
     * its effective date, requested or defaulted to today, may not be before the latest version's.
     *
     * @param requestedEffectiveDate {@code null} for today
     */
    public List<Violation> validateNext(FrameworkKind kind, Collection<FrameworkVersion> versions,
            LocalDate requestedEffectiveDate) {
        LocalDate effective = effectiveDate(requestedEffectiveDate);
        Optional<FrameworkVersion> previous = latest(kind, versions);
        if (previous.isPresent() && effective.isBefore(previous.get().effectiveDate())) {
            FrameworkVersion before = previous.get();
            return List.of(new Violation("effectiveDate", Violation.EFFECTIVE_DATE_ORDER, "must not be before the "
                    + "effective date of version " + before.number() + " of the " + kind.pathSegment()
                    + " framework, " + before.effectiveDate() + ": give that date or a later one, e.g. "
                    + before.effectiveDate() + " (found " + effective
                    + (requestedEffectiveDate == null ? ", today's date, as none was given)" : ")")));
        }
        return List.of();
    }

    /**
     * The stamp of the next version of {@code kind}. Call {@link #validateNext} first: an invalid request here is a bug
     * of the caller.
     *
     * @throws IllegalArgumentException when {@link #validateNext} finds violations, or the author is blank
     */
    public FrameworkVersion next(FrameworkKind kind, Collection<FrameworkVersion> versions,
            LocalDate requestedEffectiveDate, String author) {
        Objects.requireNonNull(kind, "kind");
        List<Violation> violations = validateNext(kind, versions, requestedEffectiveDate);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException(violations.get(0).field() + " " + violations.get(0).message());
        }
        int number = nextNumber(ofKind(kind, versions).map(FrameworkVersion::number).toList());
        return new FrameworkVersion(kind, number, effectiveDate(requestedEffectiveDate), author);
    }

    private static Stream<FrameworkVersion> ofKind(FrameworkKind kind,
            Collection<FrameworkVersion> versions) {
        Objects.requireNonNull(kind, "kind");
        return versions == null ? Stream.empty()
                : versions.stream().filter(version -> version.kind() == kind);
    }
}
