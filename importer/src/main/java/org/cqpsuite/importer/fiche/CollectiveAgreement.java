package org.cqpsuite.importer.fiche;

/**
 * A collective agreement named by the fiche in {@code CCN_1..3} (XML) or the CSV part {@code CCN}
 * ({@code Ccn_n_Numero}, {@code Ccn_n_Libelle}).
 *
 * <p>The number is France compétences' CCN number, which is the agreement's Journal officiel <em>brochure</em> number
 * ({@code 3292} for "Hôtels, cafés, restaurants", whose IDCC is {@code 1979}), not an IDCC code: it is kept apart
 * from {@link Fiche#idccCodes()} so that nobody mistakes one for the other. The label can be used to find the IDCC in
 * the branch list.
 *
 * @param number as given, e.g. {@code 3292}; {@code null} if absent
 * @param label as given, e.g. "Hôtels, cafés, restaurants (HCR)"; {@code null} if absent
 */
public record CollectiveAgreement(String number, String label) {

    public CollectiveAgreement {
        if (number == null && label == null) {
            throw new IllegalArgumentException("a collective agreement needs a number or a label");
        }
    }
}
