package org.cqpsuite.eligibility.rules;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Choosing among a certification's registrations as of a date; shared by both rules. */
final class Registrations {

    /**
     * The preference among registrations in force on the same day: RNCP before RS (the RNCP registration grants more:
     * a level, blocks, every branch), then the latest first day (a renewal that overlaps the registration it renews
     * wins), then the latest decision.
     */
    static final Comparator<RegistrationFacts> PREFERENCE = Comparator
            .comparing((RegistrationFacts r) -> r.directory() == RegistrationFacts.Directory.RNCP ? 0 : 1)
            .thenComparing(RegistrationFacts::effectiveFrom, Comparator.reverseOrder())
            .thenComparing(RegistrationFacts::decidedOn, Comparator.nullsLast(Comparator.reverseOrder()));

    private Registrations() {
    }

    /** The preferred registration in force on {@code date} that satisfies {@code filter}. */
    static Optional<RegistrationFacts> inForce(CertificationFacts c, LocalDate date,
            Predicate<RegistrationFacts> filter) {
        return c.registrations().stream().filter(r -> r.inForceOn(date)).filter(filter).min(PREFERENCE);
    }

    /** The registrations ever granted, by first day (then decision). */
    static List<RegistrationFacts> granted(CertificationFacts c) {
        return c.registrations().stream()
                .filter(RegistrationFacts::wasGranted)
                .sorted(Comparator.comparing(RegistrationFacts::effectiveFrom)
                        .thenComparing(RegistrationFacts::decidedOn, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
    }

    /** The latest registration (same preference) whose first day is on or before {@code date}, if any. */
    static Optional<RegistrationFacts> latestStarted(CertificationFacts c, LocalDate date) {
        return granted(c).stream().filter(r -> !r.effectiveFrom().isAfter(date)).min(PREFERENCE);
    }
}
