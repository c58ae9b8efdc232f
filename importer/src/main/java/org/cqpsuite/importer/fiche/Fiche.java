package org.cqpsuite.importer.fiche;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One certification fiche of the RNCP or the RS, as read from an official export, in a form that does not depend on
 * the export's format: the XML V4.1 and the CSV export give equal {@code Fiche}s for equal content.
 *
 * <p>Missing values are explicit: {@code null} for a missing single value, an empty list for a missing list; never an
 * empty string. Code lists (IDCC, NSF, ROME, predecessors, successors) are de-duplicated and sorted, since their order
 * means nothing and differs between the two formats; blocks and certifiers keep the export's order.
 *
 * @param directory RNCP or RS, from the code's prefix
 * @param code the normalised fiche number, e.g. {@code RNCP34486}, {@code RS5568}: the fiche's identity
 * @param numeroFiche {@code NUMERO_FICHE} / {@code Numero_Fiche} exactly as written in the export (trimmed)
 * @param idFiche {@code ID_FICHE} / {@code Id_Fiche}, France compétences' technical id; {@code null} if absent (as in
 *        the whole 2021 CSV set)
 * @param title {@code INTITULE} / {@code Intitule}, whitespace collapsed
 * @param abrege {@code ABREGE}; {@code null} when absent (about half the fiches)
 * @param active {@code ACTIF} Oui/Non (XML) or {@code Actif} ACTIVE/INACTIVE (CSV): whether the registration is in
 *        force on the export date
 * @param etatFiche {@code ETAT_FICHE} as written (Publiée, Modifications à valider...); {@code null} if absent (CSV)
 * @param registrationType {@code TYPE_ENREGISTREMENT}; {@code null} if absent
 * @param decisionDate {@code DATE_DECISION} (registrations on request)
 * @param effectiveDate {@code DATE_EFFET} (registrations by right)
 * @param endDate {@code DATE_FIN_ENREGISTREMENT}: the last day of the registration
 * @param awardDeadline {@code DATE_LIMITE_DELIVRANCE}: the last day the certification may still be awarded
 * @param registrationYears {@code DUREE_ENREGISTREMENT} in years; {@code null} if absent
 * @param level qualification level 1-8 from {@code NIVn}; {@code null} for RS fiches and when absent or {@code AUCUN}
 * @param blocks skills blocks, in the export's order
 * @param certifiers certifiers, in the export's order
 * @param idccCodes branches from {@code CODES_IDCC/IDCC/CODE}, 4 digits zero-padded
 * @param collectiveAgreements {@code CCN_1..3}: brochure numbers and labels, not IDCC codes (see
 *        {@link CollectiveAgreement})
 * @param nsfCodes NSF codes, letters in lower case ({@code 312m}); the 2021 set also has 2-digit domain codes
 * @param romeCodes ROME codes, letters in upper case ({@code M1805}); the 2021 set also has domain codes
 *        ({@code A13}, {@code M})
 * @param predecessorCodes {@code ANCIENNES_CERTIFICATIONS}: the fiches this one replaces
 * @param successorCodes {@code NOUVELLES_CERTIFICATIONS}: the fiches that replace this one
 * @param frameworks the fiche-level framework texts; {@link Frameworks#NONE} when there are none (CSV)
 */
public record Fiche(
        Directory directory,
        String code,
        String numeroFiche,
        String idFiche,
        String title,
        Abrege abrege,
        boolean active,
        String etatFiche,
        RegistrationType registrationType,
        LocalDate decisionDate,
        LocalDate effectiveDate,
        LocalDate endDate,
        LocalDate awardDeadline,
        Integer registrationYears,
        Integer level,
        List<SkillsBlock> blocks,
        List<Certifier> certifiers,
        List<String> idccCodes,
        List<CollectiveAgreement> collectiveAgreements,
        List<String> nsfCodes,
        List<String> romeCodes,
        List<String> predecessorCodes,
        List<String> successorCodes,
        Frameworks frameworks) {

    public Fiche {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(numeroFiche, "numeroFiche");
        Objects.requireNonNull(title, "title");
        blocks = list(blocks);
        certifiers = list(certifiers);
        idccCodes = list(idccCodes);
        collectiveAgreements = list(collectiveAgreements);
        nsfCodes = list(nsfCodes);
        romeCodes = list(romeCodes);
        predecessorCodes = list(predecessorCodes);
        successorCodes = list(successorCodes);
        frameworks = frameworks == null ? Frameworks.NONE : frameworks;
    }

    /**
     * The earliest registration date the fiche gives: the decision date (on request) or else the effective date (by
     * right); {@code null} when it gives neither, as in the whole 2021 CSV set. This is the date an inferred
     * transmission of a CQP can carry.
     */
    public LocalDate registrationDate() {
        if (decisionDate != null && effectiveDate != null) {
            return decisionDate.isBefore(effectiveDate) ? decisionDate : effectiveDate;
        }
        return decisionDate != null ? decisionDate : effectiveDate;
    }

    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }
}
