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
 * @param successorCode the first of the fiche's successor codes, or {@code null}
 */
public record ImportedRegistration(UUID certificationId, CertificationKind kind, Directory directory, String code,
        boolean active, RegistrationType registrationType, LocalDate decidedOn, LocalDate effectiveFrom,
        LocalDate endsOn, LocalDate awardDeadline, Integer level, List<Block> blocks, String predecessorCode,
        String successorCode) {

    public ImportedRegistration {
        blocks = List.copyOf(blocks);
    }
}
