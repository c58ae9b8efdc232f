package org.cqpsuite.importer.fiche;

import java.util.Optional;

/** The two directories France compétences keeps. */
public enum Directory {

    /** Répertoire national des certifications professionnelles (article L6113-5): codes {@code RNCP} + digits. */
    RNCP,

    /** Répertoire spécifique (article L6113-6): codes {@code RS} + digits. */
    RS;

    /**
     * The directory a fiche code belongs to, from its prefix. The code, not the file name, decides: a fiche is
     * where its code says it is, whichever export carried it.
     *
     * @param code a normalised code such as {@code RNCP34486} or {@code RS5568}
     */
    public static Optional<Directory> ofCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        // RNCP is tested first: both start with "R", and "RS" is not a prefix of "RNCP".
        if (code.startsWith("RNCP")) {
            return Optional.of(RNCP);
        }
        if (code.startsWith("RS")) {
            return Optional.of(RS);
        }
        return Optional.empty();
    }
}
