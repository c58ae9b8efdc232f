package org.cqpsuite.certification.domain;

import java.util.List;

/**
 * The definition of a certification as a client writes it, before validation. Immutable; {@code null} lists are empty
 * lists, {@code null} elements are kept for the rules to report.
 *
 * @param kind CQP, CQPI or OTHER
 * @param title e.g. {@code Opérateur qualité}
 * @param cpnes the issuing CPNEs, hence the carrying branches
 * @param nsfCodes codes of the Nomenclature des spécialités de formation, e.g. {@code 200r}
 * @param romeCodes codes of the Répertoire opérationnel des métiers et des emplois, e.g. {@code H1502}
 */
public record CertificationDraft(CertificationKind kind, String title, List<Cpne> cpnes, List<String> nsfCodes,
        List<String> romeCodes) {

    public CertificationDraft {
        cpnes = Values.list(cpnes);
        nsfCodes = Values.list(nsfCodes);
        romeCodes = Values.list(romeCodes);
    }
}
