package org.cqpsuite.importer.fiche;

import java.util.Objects;

/**
 * What reading one fiche of an export gave: the fiche, or the reason it was rejected. A rejected fiche never stops the
 * reading: the next result is the next fiche.
 */
public sealed interface FicheResult permits FicheResult.Accepted, FicheResult.Rejected {

    /** The fiche number as read ({@code NUMERO_FICHE}), or {@code null} when the export gave none. */
    String ficheNumber();

    /** Where the fiche is in the export, for people: file name and line (XML) or record (CSV). */
    String location();

    /** A fiche read and mapped. */
    record Accepted(Fiche fiche, String location) implements FicheResult {

        public Accepted {
            Objects.requireNonNull(fiche, "fiche");
        }

        @Override
        public String ficheNumber() {
            return fiche.numeroFiche();
        }
    }

    /**
     * A fiche that could not be mapped.
     *
     * @param ficheNumber as read, {@code null} if the fiche had none
     * @param reason every problem found in the fiche, in words, separated by "; "
     * @param location file and line or record
     */
    record Rejected(String ficheNumber, String reason, String location) implements FicheResult {

        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
