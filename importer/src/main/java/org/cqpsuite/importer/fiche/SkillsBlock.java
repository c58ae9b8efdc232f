package org.cqpsuite.importer.fiche;

import java.util.Objects;

/**
 * A skills block of an RNCP fiche ({@code BLOCS_COMPETENCES/BLOC_COMPETENCES}, or a row of the CSV part
 * {@code Blocs_De_Compétences}).
 *
 * @param code required; usually {@code RNCPnnnnnBCnn}, but real data also has {@code BC1} or {@code 01}
 * @param title {@code LIBELLE}; {@code null} if absent
 * @param skills {@code LISTE_COMPETENCES}, part of the skills framework; {@code null} if absent (always in CSV)
 * @param evaluation {@code MODALITES_EVALUATION}, the block's part of the evaluation framework; {@code null} if
 *        absent (always in CSV)
 */
public record SkillsBlock(String code, String title, String skills, String evaluation) {

    public SkillsBlock {
        Objects.requireNonNull(code, "code");
    }
}
