package org.cqpsuite.importer.write;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One item of registration-service's {@code POST /directory-imports/registrations}: the registration a fiche
 * describes, for the certification certification-service answered with.
 *
 * @param certificationId the certification's id in the suite
 * @param kind CQP, CQPI or OTHER (OTHER needs no transmission)
 * @param directory RNCP or RS
 * @param code the directory code; {@code null} for a registration known from an official order that does not give it
 * @param legalBasis the official text that registered it (an order), or {@code null}
 * @param active the fiche's ACTIF / Actif flag on the export date
 * @param registrationType ON_REQUEST or BY_RIGHT
 * @param decidedOn the decision date (given, or inferred: see {@link FicheTranslator})
 * @param effectiveFrom the first day (given, or inferred)
 * @param endsOn the last day, or {@code null}
 * @param awardDeadline the last award day, or {@code null}
 * @param level 1 to 8, or {@code null}
 * @param blocks the RNCP skills blocks
 * @param predecessorCodes the codes of the certifications it follows
 * @param successorCodes the codes of those that follow it
 */
public record RegistrationItem(UUID certificationId, String kind, String directory, String code,
        @JsonInclude(JsonInclude.Include.NON_NULL) String legalBasis,
        boolean active,
        String registrationType, LocalDate decidedOn, LocalDate effectiveFrom, LocalDate endsOn,
        LocalDate awardDeadline, Integer level, List<Block> blocks, List<String> predecessorCodes,
        List<String> successorCodes) {

    /** A skills block. */
    public record Block(String code, String title) {
    }

    /** The same item for the certification {@code id}. */
    public RegistrationItem forCertification(UUID id) {
        return new RegistrationItem(id, kind, directory, code, legalBasis, active, registrationType, decidedOn, effectiveFrom,
                endsOn, awardDeadline, level, blocks, predecessorCodes, successorCodes);
    }
}
