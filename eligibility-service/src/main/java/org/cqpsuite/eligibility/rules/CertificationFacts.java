package org.cqpsuite.eligibility.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What the rules need to know about one certification, built from the read model (the last
 * {@code cqp.certification.events} state and the last {@code cqp.registration.events} state of the certification).
 *
 * <p><b>Transmission date (decision).</b> {@code transmissionDates} are the recorded transmissions to France
 * compétences, oldest first, as in the registration event state. The rules use the <b>last recorded</b> one
 * ({@link #transmittedOn()}): a later transmission is taken as replacing the earlier one (a corrected date, or the
 * current version of the certification), so a CQP/CQPI legally exists on D when that last date is on or before D. All
 * rules read the date through {@link #transmittedOn()} only, so that this decision stays in one place.
 *
 * @param id the certification id
 * @param kind CQP, CQPI, or OTHER (a directory certification that is not a CQP: it needs no transmission)
 * @param title its title
 * @param carryingBranches the IDCCs of its issuing CPNEs (4 digits, zero-padded); never {@code null}
 * @param transmissionDates the recorded transmission dates, oldest first; never {@code null}
 * @param registrations every registration (RNCP or RS), whatever its status; never {@code null}
 */
public record CertificationFacts(UUID id, Kind kind, String title, List<String> carryingBranches,
        List<LocalDate> transmissionDates, List<RegistrationFacts> registrations) {

    /** The kind of certification, as in {@code CertificationState.KINDS}. */
    public enum Kind {
        CQP, CQPI, OTHER;

        /** Whether the certification must be transmitted to France compétences to exist legally (L6113-4). */
        public boolean needsTransmission() {
            return this != OTHER;
        }
    }

    public CertificationFacts {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        carryingBranches = carryingBranches == null ? List.of() : List.copyOf(carryingBranches);
        transmissionDates = transmissionDates == null ? List.of() : List.copyOf(transmissionDates);
        registrations = registrations == null ? List.of() : List.copyOf(registrations);
    }

    /** The date of the last recorded transmission, or {@code null} when it was never transmitted. */
    public LocalDate transmittedOn() {
        return transmissionDates.isEmpty() ? null : transmissionDates.get(transmissionDates.size() - 1);
    }

    /**
     * Whether the certification exists legally on {@code date}: always for OTHER; for a CQP/CQPI, when its (last)
     * transmission is on or before {@code date}.
     */
    public boolean legallyExistsOn(LocalDate date) {
        if (!kind.needsTransmission()) {
            return true;
        }
        LocalDate transmitted = transmittedOn();
        return transmitted != null && !transmitted.isAfter(date);
    }
}
