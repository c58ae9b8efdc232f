package org.cqpsuite.importer.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.cqpsuite.importer.Samples;
import org.cqpsuite.importer.fiche.Abrege;
import org.cqpsuite.importer.fiche.Certifier;
import org.cqpsuite.importer.fiche.CollectiveAgreement;
import org.cqpsuite.importer.fiche.Directory;
import org.cqpsuite.importer.fiche.ExportFormatException;
import org.cqpsuite.importer.fiche.Fiche;
import org.cqpsuite.importer.fiche.FicheResult;
import org.cqpsuite.importer.fiche.FicheSource;
import org.cqpsuite.importer.fiche.Frameworks;
import org.cqpsuite.importer.fiche.RegistrationType;
import org.cqpsuite.importer.fiche.SkillsBlock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CSV reader on the real 2021 set (values asserted are read in the files by hand) and on small exports written by
 * the tests for quoting, empty fields, malformed rows and broken exports.
 */
class CsvFicheReaderTest {

    static final String STANDARD_HEADER = "Id_Fiche;Numero_Fiche;Intitule;Abrege_Libelle;Abrege_Intitule;"
            + "Nomenclature_Europe_Niveau;Nomenclature_Europe_Intitule;Accessible_Nouvelle_Caledonie;"
            + "Accessible_Polynesie_Francaise;Date_dernier_jo;Date_Decision;Date_Fin_Enregistrement;Date_Effet;"
            + "Type_Enregistrement;Validation_Partielle;Actif";
    static final String BOM = "\uFEFF";

    private static Map<String, Fiche> fiches;
    private static List<String> warnings;

    @BeforeAll
    static void readSample() {
        try (FicheSource source = new CsvFicheReader().open(Samples.CSV_FOLDER)) {
            fiches = Samples.acceptedByCode(source);
            warnings = source.warnings();
        }
    }

    @Test
    void readsEveryFicheOfThe2021Set() {
        assertThat(fiches).hasSize(2580);
        assertThat(fiches.values()).allSatisfy(fiche -> {
            assertThat(fiche.directory()).isEqualTo(Directory.RNCP);
            assertThat(fiche.idFiche()).as("not carried by the 2021 set").isNull();
            assertThat(fiche.decisionDate()).isNull();
            assertThat(fiche.effectiveDate()).isNull();
            assertThat(fiche.frameworks()).isEqualTo(Frameworks.NONE);
        });
        assertThat(fiches.values().stream().filter(Fiche::active)).hasSize(736);
        assertThat(fiches.values().stream().filter(fiche -> !fiche.blocks().isEmpty())).hasSize(1242);
        assertThat(fiches.values().stream().mapToInt(fiche -> fiche.blocks().size()).sum()).isEqualTo(5970);
        assertThat(warnings).as("every secondary row has its Standard row").isEmpty();
    }

    @Test
    void rncp34486EveryField() {
        Fiche fiche = fiches.get("RNCP34486");

        assertThat(fiche.directory()).isEqualTo(Directory.RNCP);
        assertThat(fiche.code()).isEqualTo("RNCP34486");
        assertThat(fiche.numeroFiche()).isEqualTo("RNCP34486");
        assertThat(fiche.idFiche()).isNull();
        assertThat(fiche.title()).isEqualTo("Agent de sécurité cynophile");
        assertThat(fiche.abrege()).isNull();
        assertThat(fiche.active()).isTrue();
        assertThat(fiche.etatFiche()).isNull();
        assertThat(fiche.registrationType()).isEqualTo(RegistrationType.ON_REQUEST);
        assertThat(fiche.decisionDate()).isNull();
        assertThat(fiche.effectiveDate()).isNull();
        assertThat(fiche.endDate()).isEqualTo(LocalDate.of(2025, 3, 2));
        assertThat(fiche.awardDeadline()).isNull();
        assertThat(fiche.registrationYears()).isNull();
        assertThat(fiche.level()).isEqualTo(3);
        assertThat(fiche.blocks()).isEmpty();
        // the quoted name with doubled quotes, and the SIRET-less CPNE
        assertThat(fiche.certifiers()).containsExactly(
                new Certifier("Commission paritaire nationale pour l'emploi \"prévention - sécurité\"", null),
                new Certifier("ASSOCIATION POUR LE DEVELOPPEMENT DE LA FORMATION PROFESSIONNELLE DANS LA BRANCHE"
                        + " SECURITE PRIVEE", "50412388600039"));
        assertThat(fiche.idccCodes()).isEmpty();
        assertThat(fiche.collectiveAgreements()).isEmpty();
        assertThat(fiche.nsfCodes()).containsExactly("344");
        assertThat(fiche.romeCodes()).containsExactly("K2503");
        assertThat(fiche.predecessorCodes()).isEmpty();
        assertThat(fiche.successorCodes()).isEmpty();
        assertThat(fiche.frameworks()).isEqualTo(Frameworks.NONE);
    }

    @Test
    void rncp34762WithBlocksAndAPredecessor() {
        Fiche fiche = fiches.get("RNCP34762");

        assertThat(fiche.title()).isEqualTo("Programme Grande Ecole – Diplôme d’études supérieures en management");
        assertThat(fiche.abrege()).isEqualTo(new Abrege("DipViGrM", "Diplôme visé grade de master"));
        assertThat(fiche.level()).isEqualTo(7);
        assertThat(fiche.active()).isTrue();
        assertThat(fiche.registrationType()).isEqualTo(RegistrationType.BY_RIGHT);
        assertThat(fiche.endDate()).isEqualTo(LocalDate.of(2025, 8, 31));
        assertThat(fiche.blocks()).containsExactly(
                new SkillsBlock("RNCP34762BC01",
                        "Stratégie, organisation, environnement socioéconomique et géopolitique", null, null),
                new SkillsBlock("RNCP34762BC02", "Management des hommes, leadership et travail collaboratif", null,
                        null),
                new SkillsBlock("RNCP34762BC03", "Gestion des performances financières et non financières et prise de"
                        + " décision responsable", null, null),
                new SkillsBlock("RNCP34762BC04", "Management de la technologie et de l'innovation", null, null),
                new SkillsBlock("RNCP34762BC05", "Mobilisation d’une expertise métier au sein d’une organisation",
                        null, null));
        assertThat(fiche.certifiers()).containsExactly(
                new Certifier("Ministère de l’Enseignement supérieur, de la Recherche et de l’Innovation", null),
                new Certifier("ETABLISSEMENT D'ENSEIGNEMENT SUPERIEUR CONSULAIRE GRENOBLE ECOLE DE MANAGEMENT",
                        "81738914100018"));
        assertThat(fiche.nsfCodes()).containsExactly("310", "313", "315p");
        assertThat(fiche.romeCodes()).containsExactly("M1202", "M1205", "M1402", "M1705", "M1707");
        assertThat(fiche.predecessorCodes()).containsExactly("RNCP24998");
        assertThat(fiche.successorCodes()).isEmpty();
        assertThat(fiches.get("RNCP24998").successorCodes()).containsExactly("RNCP34762");
    }

    @Test
    void rncp181TitreProfessionnelWithoutEndDate() {
        Fiche fiche = fiches.get("RNCP181");

        assertThat(fiche.title()).isEqualTo("Assistant(e) en comptabilité et gestion");
        assertThat(fiche.abrege()).isEqualTo(new Abrege("TP", "Titre professionnel"));
        assertThat(fiche.level()).isEqualTo(4);
        assertThat(fiche.active()).isFalse();
        assertThat(fiche.registrationType()).isEqualTo(RegistrationType.BY_RIGHT);
        assertThat(fiche.endDate()).isNull();
        assertThat(fiche.certifiers()).containsExactly(new Certifier("Ministère chargé de l'Emploi", null));
        assertThat(fiche.nsfCodes()).containsExactly("314t");
        assertThat(fiche.romeCodes()).containsExactly("M1203");
        assertThat(fiche.successorCodes()).containsExactly("RNCP5881");
    }

    @Test
    void messyRealValuesAreRead() {
        // quoted titles: doubled quotes, and a ';' inside the quotes
        assertThat(fiches.get("RNCP4867").title()).isEqualTo("Diplôme de l'institut d'économie scientifique et de"
                + " gestion de Lille (IESEG) \"Programme Grande Ecole\"");
        assertThat(fiches.get("RNCP6522").title()).isEqualTo(
                "Sciences; Technologies, Santé - Mention Informatique - Spécialité: Intelligence Décisionnelle."
                        + " Finalité R&P");
        // a block label in quotes ending with ';', another with a double space
        assertThat(fiches.get("RNCP26460").blocks()).extracting(SkillsBlock::title).contains(
                "Concevoir et mettre en place un entretien Individuel ou collectif ;",
                "Assurer le dispositif de la MAC l’animal ou un positionnement ajout de chien en prenant appui sur les"
                        + " acquis. Article 63, Titre III, du décret n° 2016-515 du 26 avril 2016");
        // a certifier name ending with a non-breaking space
        assertThat(fiches.get("RNCP19183").certifiers()).containsExactly(
                new Certifier("Chambre de commerce et d’industrie de Grenoble (CCI de Grenoble) - Grenoble école de"
                        + " management (Grenoble EM)", null),
                new Certifier("Institut polytechnique de Grenoble", null));
        // a certifier row with neither SIRET nor name names nobody
        assertThat(fiches.get("RNCP34054").certifiers()).containsExactly(new Certifier(
                "ASSOCIATION POUR LE DEVELOPPEMENT DE LA FORMATION PROFESSIONNELLE DANS LA BRANCHE SECURITE PRIVEE",
                "50412388600039"));
        // whole ROME domains ("M: SUPPORT A L'ENTREPRISE") instead of job codes
        assertThat(fiches.get("RNCP31507").romeCodes()).containsExactly("H", "K", "M");
        // a predecessor and a successor on two rows
        assertThat(fiches.get("RNCP19183").predecessorCodes()).containsExactly("RNCP16946");
        assertThat(fiches.get("RNCP19183").successorCodes()).containsExactly("RNCP26941");
    }

    @Test
    void quotedFieldsEmptyFieldsAndMalformedRows(@TempDir Path export) throws IOException {
        write(export, "Standard", STANDARD_HEADER,
                ";RNCP100;\"Titre avec ; point-virgule,\n\"\"guillemets\"\" et saut de ligne\";CQP;"
                        + "Certificat de qualification professionnelle;NIV3;Niveau 3;;;;;31/12/2026;;"
                        + "Enregistrement sur demande;;ACTIVE",
                ";RNCP101;Date impossible;;;NIV4;Niveau 4;;;;;31/02/2024;;Enregistrement sur demande;;ACTIVE",
                ";RNCP102;Ligne tronquée;;;NIV4",
                ";RNCP103;Sans statut;;;NIV5;Niveau 5;;;;;;;Enregistrement de droit;;",
                ";RNCP104;Presque vide;;;;;;;;;;;;;INACTIVE",
                ";RNCP105;Ligne Nsf fautive;;;NIV6;Niveau 6;;;;;;;Enregistrement de droit;;ACTIVE",
                "",
                ";rncp106;Numéro en minuscules;;;NIV7;Niveau 7;;;;;;;Enregistrement de droit;;INACTIVE",
                ";RNCP100;Doublon;;;NIV3;Niveau 3;;;;;;;Enregistrement de droit;;ACTIVE");
        write(export, "Blocs_De_Compétences", "Numero_Fiche;Bloc_Competences_Code;Bloc_Competences_Libelle",
                "RNCP100;RNCP100BC01;\"Bloc ; sur\ndeux lignes\"",
                "RNCP999;RNCP999BC01;Bloc d'une fiche absente");
        write(export, "Certificateurs", "Numero_Fiche;Siret_Certificateur;Nom_Certificateur",
                "RNCP100;;CPNE de l'industrie hôtelière", "RNCP104;;");
        write(export, "Nsf", "Numero_Fiche;Nsf_Code;Nsf_Intitule",
                "RNCP100;334;\"334 : Accueil, hôtellerie ; tourisme\"", "RNCP105;326");
        write(export, "Rome", "Numero_Fiche;Codes_Rome_Code;Codes_Rome_Libelle", "RNCP100;G1602;Personnel de cuisine");
        write(export, "CCN", "Numero_Fiche;Ccn_1_Numero;Ccn_1_Libelle;Ccn_2_Numero;Ccn_2_Libelle;Ccn_3_Numero;"
                + "Ccn_3_Libelle", "RNCP100;3292;Hôtels, cafés, restaurants (HCR);;;;");
        write(export, "Ancienne_Nouvelle_Certification", "Numero_Fiche;Ancienne_Certification;Nouvelle_Certification",
                "RNCP100;RNCP31053;", "RNCP100;;RNCP200", "RNCP106;rncp1;");
        write(export, "VoixdAccès", "Numero_Fiche;Si_Jury", "RNCP100;Par expérience");
        Files.writeString(export.resolve("README.txt"), "not a part");

        List<FicheResult> results;
        List<String> sourceWarnings;
        try (FicheSource source = new CsvFicheReader().open(export)) {
            results = Samples.readAll(source);
            sourceWarnings = source.warnings();
        }

        assertThat(results).extracting(FicheResult::ficheNumber).containsExactly("RNCP100", "RNCP101", "RNCP102",
                "RNCP103", "RNCP104", "RNCP105", "rncp106", "RNCP100");
        Fiche quoted = ((FicheResult.Accepted) results.get(0)).fiche();
        assertThat(quoted.title()).isEqualTo("Titre avec ; point-virgule, \"guillemets\" et saut de ligne");
        assertThat(quoted.abrege()).isEqualTo(new Abrege("CQP", "Certificat de qualification professionnelle"));
        assertThat(quoted.level()).isEqualTo(3);
        assertThat(quoted.endDate()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(quoted.blocks()).containsExactly(new SkillsBlock("RNCP100BC01", "Bloc ; sur deux lignes", null,
                null));
        assertThat(quoted.certifiers()).containsExactly(new Certifier("CPNE de l'industrie hôtelière", null));
        assertThat(quoted.nsfCodes()).containsExactly("334");
        assertThat(quoted.romeCodes()).containsExactly("G1602");
        assertThat(quoted.collectiveAgreements())
                .containsExactly(new CollectiveAgreement("3292", "Hôtels, cafés, restaurants (HCR)"));
        assertThat(quoted.predecessorCodes()).containsExactly("RNCP31053");
        assertThat(quoted.successorCodes()).containsExactly("RNCP200");

        String standard = "export_fiches_CSV_Standard_2021_01_31.csv";
        assertThat(results.get(1)).isEqualTo(new FicheResult.Rejected("RNCP101",
                "DATE_FIN_ENREGISTREMENT '31/02/2024' is not a valid JJ/MM/AAAA date", standard + " record 2"));
        assertThat(results.get(2)).isEqualTo(new FicheResult.Rejected("RNCP102",
                "Standard row has 6 fields where the header has 16; ACTIF missing", standard + " record 3"));
        assertThat(results.get(3)).isEqualTo(new FicheResult.Rejected("RNCP103", "ACTIF missing",
                standard + " record 4"));

        Fiche empty = ((FicheResult.Accepted) results.get(4)).fiche();
        assertThat(empty.title()).isEqualTo("Presque vide");
        assertThat(empty.active()).isFalse();
        assertThat(empty.abrege()).isNull();
        assertThat(empty.level()).isNull();
        assertThat(empty.registrationType()).isNull();
        assertThat(empty.endDate()).isNull();
        assertThat(empty.certifiers()).isEmpty();
        assertThat(empty.blocks()).isEmpty();
        assertThat(empty.nsfCodes()).isEmpty();

        assertThat(results.get(5)).isEqualTo(new FicheResult.Rejected("RNCP105",
                "Nsf row (record 2) has 2 fields where the header has 3", standard + " record 6"));
        Fiche lowerCase = ((FicheResult.Accepted) results.get(6)).fiche();
        assertThat(lowerCase.code()).isEqualTo("RNCP106");
        assertThat(lowerCase.predecessorCodes()).containsExactly("RNCP1");
        assertThat(results.get(7)).isEqualTo(new FicheResult.Rejected("RNCP100",
                "Numero_Fiche given on two Standard rows", standard + " record 8"));

        assertThat(sourceWarnings).containsExactly("export_fiches_CSV_Blocs_De_Compétences_2021_01_31.csv: rows for"
                + " 1 fiche(s) absent from the Standard part ignored, e.g. RNCP999");
    }

    @Test
    void partsAreFoundWhateverTheUnicodeFormOfTheirName(@TempDir Path export) throws IOException {
        write(export, "Standard", STANDARD_HEADER, ";RNCP1;Titre;;;NIV3;;;;;;;;;;ACTIVE");
        String decomposed = Normalizer.normalize("export_fiches_CSV_Blocs_De_Compétences_2021_01_31.csv",
                Normalizer.Form.NFD);
        Files.writeString(export.resolve(decomposed),
                BOM + "Numero_Fiche;Bloc_Competences_Code;Bloc_Competences_Libelle\nRNCP1;RNCP1BC01;Bloc\n");

        assertThat(Samples.acceptedByCode(new CsvFicheReader().open(export)).get("RNCP1").blocks())
                .extracting(SkillsBlock::code).containsExactly("RNCP1BC01");
    }

    @Test
    void aFileWithoutByteOrderMarkIsReadToo(@TempDir Path export) throws IOException {
        Files.writeString(export.resolve("export_fiches_CSV_Standard_2021_01_31.csv"),
                STANDARD_HEADER + "\r\n;RNCP1;Titre;;;NIV3;;;;;;;;;;ACTIVE\r\n");
        Files.writeString(export.resolve("export_fiches_CSV_Nsf_2021_01_31.csv"),
                "Numero_Fiche;Nsf_Code;Nsf_Intitule\r\nRNCP1;326;Informatique\r\n");

        assertThat(Samples.acceptedByCode(new CsvFicheReader().open(export)).get("RNCP1").nsfCodes())
                .containsExactly("326");
    }

    @Test
    void brokenExportsAreRefusedAsAWhole(@TempDir Path tmp) throws IOException {
        Path noStandard = Files.createDirectory(tmp.resolve("no-standard"));
        write(noStandard, "Nsf", "Numero_Fiche;Nsf_Code;Nsf_Intitule", "RNCP1;326;Informatique");
        assertThatThrownBy(() -> new CsvFicheReader().open(noStandard)).isInstanceOf(ExportFormatException.class)
                .hasMessage("no-standard holds no export_fiches_CSV_Standard_AAAA_MM_JJ.csv part: not an official"
                        + " CSV export");

        Path twoDates = Files.createDirectory(tmp.resolve("two-dates"));
        write(twoDates, "Standard", STANDARD_HEADER, ";RNCP1;Titre;;;NIV3;;;;;;;;;;ACTIVE");
        Files.writeString(twoDates.resolve("export_fiches_CSV_Nsf_2024_02_22.csv"), "Numero_Fiche;Nsf_Code\n");
        assertThatThrownBy(() -> new CsvFicheReader().open(twoDates)).isInstanceOf(ExportFormatException.class)
                .hasMessage("two-dates holds CSV parts of several exports ([2021_01_31, 2024_02_22]): give one export"
                        + " at a time");

        Path noActif = Files.createDirectory(tmp.resolve("no-actif"));
        write(noActif, "Standard", "Id_Fiche;Numero_Fiche;Intitule", ";RNCP1;Titre");
        assertThatThrownBy(() -> new CsvFicheReader().open(noActif)).isInstanceOf(ExportFormatException.class)
                .hasMessageStartingWith("export_fiches_CSV_Standard_2021_01_31.csv has no column Actif");

        Path unterminated = Files.createDirectory(tmp.resolve("unterminated"));
        write(unterminated, "Standard", STANDARD_HEADER, ";RNCP1;Titre;;;NIV3;;;;;;;;;;ACTIVE",
                ";RNCP2;\"Titre jamais fermé;;;NIV3;;;;;;;;;;ACTIVE", ";RNCP3;Titre;;;NIV3;;;;;;;;;;ACTIVE");
        try (FicheSource source = new CsvFicheReader().open(unterminated)) {
            assertThat(source.next().ficheNumber()).isEqualTo("RNCP1");
            assertThatThrownBy(source::hasNext).isInstanceOf(ExportFormatException.class)
                    .hasMessageStartingWith("export_fiches_CSV_Standard_2021_01_31.csv cannot be parsed after line");
        }
    }

    @Test
    void readsTheZipAsTheFolder(@TempDir Path tmp) {
        Path zip = Samples.zip(tmp.resolve("export-fiches-csv-2021-01-31.zip"), Samples.filesOf(Samples.CSV_FOLDER));

        Map<String, Fiche> fromZip = Samples.acceptedByCode(new CsvFicheReader().open(zip));

        assertThat(fromZip).containsExactlyEntriesOf(fiches);
    }

    /** Writes a part of a 2021-01-31 export, as France compétences does: UTF-8 with a BOM, CRLF line ends. */
    static void write(Path folder, String part, String header, String... rows) throws IOException {
        StringBuilder content = new StringBuilder(BOM).append(header).append("\r\n");
        for (String row : rows) {
            content.append(row).append("\r\n");
        }
        Files.writeString(folder.resolve("export_fiches_CSV_" + part + "_2021_01_31.csv"), content,
                StandardCharsets.UTF_8);
    }
}
