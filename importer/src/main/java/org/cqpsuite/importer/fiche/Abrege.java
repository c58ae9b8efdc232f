package org.cqpsuite.importer.fiche;

/**
 * The certification type's abbreviation ({@code ABREGE/CODE}, {@code ABREGE/LIBELLE}), e.g. {@code TP} "Titre
 * professionnel", {@code CQP}. In the CSV the code is in the column {@code Abrege_Libelle} and the label in
 * {@code Abrege_Intitule}. At least one of the two is present; the other may be {@code null}.
 *
 * @param code the abbreviation, e.g. {@code BTS}; {@code null} if only the label is given
 * @param label its meaning, e.g. "Brevet de technicien supérieur"; {@code null} if only the code is given
 */
public record Abrege(String code, String label) {

    public Abrege {
        if (code == null && label == null) {
            throw new IllegalArgumentException("an abrégé needs a code or a label");
        }
    }
}
