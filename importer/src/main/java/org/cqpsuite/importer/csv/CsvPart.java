package org.cqpsuite.importer.csv;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The parts of the official CSV export that the importer reads, each a file
 * {@code export_fiches_CSV_<Part>_AAAA_MM_JJ.csv} joined to the Standard part by {@code Numero_Fiche}. The other parts
 * (Formacode, Partenaires, VoixdAccès) carry nothing the suite uses and are ignored.
 */
enum CsvPart {

    STANDARD("Standard", name -> name.equals("standard"), List.of("Numero_Fiche", "Intitule", "Actif"), List.of()),
    BLOCS("Blocs_De_Compétences", name -> name.startsWith("blocsdecomp"),
            List.of("Numero_Fiche", "Bloc_Competences_Code"),
            List.of("Bloc_Competences_Code", "Bloc_Competences_Libelle")),
    CERTIFICATEURS("Certificateurs", name -> name.equals("certificateurs"), List.of("Numero_Fiche"),
            List.of("Siret_Certificateur", "Nom_Certificateur")),
    NSF("Nsf", name -> name.equals("nsf"), List.of("Numero_Fiche", "Nsf_Code"), List.of("Nsf_Code")),
    ROME("Rome", name -> name.equals("rome"), List.of("Numero_Fiche", "Codes_Rome_Code"), List.of("Codes_Rome_Code")),
    CCN("CCN", name -> name.equals("ccn"), List.of("Numero_Fiche"),
            List.of("Ccn_1_Numero", "Ccn_1_Libelle", "Ccn_2_Numero", "Ccn_2_Libelle", "Ccn_3_Numero",
                    "Ccn_3_Libelle")),
    ANCIENNE_NOUVELLE("Ancienne_Nouvelle_Certification", name -> name.startsWith("anciennenouvelle"),
            List.of("Numero_Fiche"), List.of("Ancienne_Certification", "Nouvelle_Certification"));

    private final String officialName;
    private final Predicate<String> matcher;
    private final List<String> requiredColumns;
    private final List<String> keptColumns;

    CsvPart(String officialName, Predicate<String> matcher, List<String> requiredColumns, List<String> keptColumns) {
        this.officialName = officialName;
        this.matcher = matcher;
        this.requiredColumns = requiredColumns;
        this.keptColumns = keptColumns;
    }

    /** The part's name as France compétences spells it in file names. */
    String officialName() {
        return officialName;
    }

    /** Columns without which the part cannot be read at all. */
    List<String> requiredColumns() {
        return requiredColumns;
    }

    /** The columns of a secondary part kept for the join, in this order. */
    List<String> keptColumns() {
        return keptColumns;
    }

    /**
     * The part a file name's part segment designates. Compared on ASCII letters only, without case or accents, and by
     * prefix for the long names: zip tools store "Compétences" in NFC, NFD or a legacy code page, and the export is
     * not always consistent about case.
     */
    static Optional<CsvPart> ofName(String partSegment) {
        String folded = Normalizer.normalize(partSegment, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z]", "");
        for (CsvPart part : values()) {
            if (part.matcher.test(folded)) {
                return Optional.of(part);
            }
        }
        return Optional.empty();
    }
}
