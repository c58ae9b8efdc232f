package org.cqpsuite.registration.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One registration as France compétences' directory export shows it (a fiche of the RNCP or the RS), as the directory
 * importer sends it: an item of {@code POST /directory-imports/registrations}. Plain values, checked by
 * {@link DirectoryImportRules}: the enumerations are strings so that one unknown value rejects its item, not the batch.
 *
 * <p>Immutable; {@code null} lists are empty lists, {@code null} elements are kept for the rules to report.
 *
 * @param certificationId the certification (certification-service's id) the fiche was mapped to
 * @param kind the importer's classification: {@code CQP}, {@code CQPI} or {@code OTHER}
 * @param directory {@code RNCP} or {@code RS}
 * @param code the fiche's number, {@code RNCP34486} or {@code RS5568} (any case, spaces around ignored); may be
 *        {@code null} for a registration known from an official order that does not give it ({@code legalBasis})
 * @param active the fiche's {@code ACTIF} / {@code Actif} flag in the export
 * @param registrationType {@code ON_REQUEST} (enregistrement sur demande) or {@code BY_RIGHT} (de droit)
 * @param decidedOn {@code DATE_DECISION}; when missing, {@code effectiveFrom} is used
 * @param effectiveFrom {@code DATE_EFFET}; when missing (real data), {@code decidedOn} is used
 * @param endsOn {@code DATE_FIN_ENREGISTREMENT}; may be missing for a registration by right
 * @param awardDeadline {@code DATE_LIMITE_DELIVRANCE}, optional
 * @param level 1 to 8 ({@code NIVn}), {@code null} for the RS
 * @param blocks the skills blocks (RNCP only)
 * @param predecessorCodes {@code ANCIENNES_CERTIFICATIONS}: the codes this fiche follows; the first is recorded
 * @param successorCodes {@code NOUVELLES_CERTIFICATIONS}: the codes that follow it; the first is recorded
 * @param legalBasis the official text that registered it, when known: {@code Arrêté du 20 janvier 2014 (NOR
 *        ETSD1401196A)}, 1 to {@value DirectoryImportRules#LEGAL_BASIS_MAX_LENGTH} characters (spaces around
 *        ignored, blank as absent); optional, but required when {@code code} is {@code null}
 */
public record DirectoryFiche(UUID certificationId, String kind, String directory, String code, Boolean active,
        String registrationType, LocalDate decidedOn, LocalDate effectiveFrom, LocalDate endsOn,
        LocalDate awardDeadline, Integer level, List<Block> blocks, List<String> predecessorCodes,
        List<String> successorCodes, String legalBasis) {

    public DirectoryFiche {
        blocks = Values.list(blocks);
        predecessorCodes = Values.list(predecessorCodes);
        successorCodes = Values.list(successorCodes);
    }
}
