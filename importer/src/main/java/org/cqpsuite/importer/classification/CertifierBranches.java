package org.cqpsuite.importer.classification;

import java.text.Normalizer;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.cqpsuite.importer.fiche.Certifier;

/**
 * Tells which branches (IDCC codes) a certifier belongs to, when that is known. The exports do not say it: a CPNE is
 * named in free text ("CPNE des services de l'automobile") and most have no SIRET. The mapping therefore comes from
 * outside the export (e.g. the suite's own CPNE list); without one, branches come only from the fiche's
 * {@code CODES_IDCC}.
 */
@FunctionalInterface
public interface CertifierBranches {

    /** The IDCC codes (4 digits) of the certifier's branches; empty when unknown. */
    Set<String> idccsOf(Certifier certifier);

    /** Knows no certifier. */
    static CertifierBranches none() {
        return certifier -> Set.of();
    }

    /**
     * Looks certifiers up by name, compared without case, accents or punctuation differences (the same CPNE is written
     * "CPNE des services de l'automobile" and "CPNE DES SERVICES DE L’AUTOMOBILE").
     *
     * @param idccsByName certifier name → IDCC codes of its branches; codes shorter than 4 digits are zero-padded
     */
    static CertifierBranches byName(Map<String, ? extends Collection<String>> idccsByName) {
        Map<String, Set<String>> byKey = new HashMap<>();
        idccsByName.forEach((name, idccs) -> {
            Set<String> codes = byKey.computeIfAbsent(nameKey(name), k -> new TreeSet<>());
            for (String idcc : idccs) {
                String digits = idcc.strip();
                if (!digits.matches("\\d{1,4}")) {
                    throw new IllegalArgumentException("IDCC '" + idcc + "' of '" + name + "' is not 1 to 4 digits");
                }
                codes.add("0".repeat(4 - digits.length()) + digits);
            }
        });
        return certifier -> certifier.name() == null
                ? Set.of()
                : Set.copyOf(byKey.getOrDefault(nameKey(certifier.name()), Set.of()));
    }

    /** A certifier name folded for comparison: lower case, no accents, letters and digits separated by one space. */
    static String nameKey(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return folded.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
    }
}
