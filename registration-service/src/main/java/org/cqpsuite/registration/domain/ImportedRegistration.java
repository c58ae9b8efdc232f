package org.cqpsuite.registration.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A {@link DirectoryFiche} that passed {@link DirectoryImportRules#validate}, read into the domain's types: codes upper
 * case, dates completed ({@code decidedOn} and {@code effectiveFrom} stand in for each other), the level dropped where
 * the contract has none, one predecessor and one successor code.
 *
 * @param predecessorCode the first of the fiche's predecessor codes, or {@code null}
 * @param code the fiche's code; {@code null} for a registration known from an order that does not give it
 * @param successorCode the first of the fiche's successor codes, or {@code null}
 * @param legalBasis the official text that registered it, or {@code null}; set when {@code code} is {@code null}
 */
public record ImportedRegistration(UUID certificationId, CertificationKind kind, Directory directory, String code,
        boolean active, RegistrationType registrationType, LocalDate decidedOn, LocalDate effectiveFrom,
        LocalDate endsOn, LocalDate awardDeadline, Integer level, List<Block> blocks, String predecessorCode,
        String successorCode, String legalBasis) {

    public ImportedRegistration {
        blocks = List.copyOf(blocks);
    }

    /** How messages name the fiche: its code, or the order that registered it ({@code "Arrêté du …"}). */
    public String designation() {
        return code != null ? code : '"' + legalBasis + '"';
    }
}
