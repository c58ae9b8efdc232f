package org.cqpsuite.importer.fiche;

/**
 * A certifier of the fiche ({@code CERTIFICATEURS/CERTIFICATEUR} or the CSV part {@code Certificateurs}): for a CQP, the
 * CPNE(s) of the carrying branch(es) and sometimes a body acting for them.
 *
 * @param name {@code NOM_CERTIFICATEUR}; {@code null} when only the SIRET is given
 * @param siret {@code SIRET_CERTIFICATEUR}, 14 digits; {@code null} when absent (most CPNEs have none)
 */
public record Certifier(String name, String siret) {

    public Certifier {
        if (name == null && siret == null) {
            throw new IllegalArgumentException("a certifier needs a name or a SIRET");
        }
    }
}
