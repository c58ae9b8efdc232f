package org.cqpsuite.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import org.cqpsuite.importer.csv.CsvFicheReader;
import org.cqpsuite.importer.csv.CsvTestExports;
import org.cqpsuite.importer.fiche.Certifier;
import org.cqpsuite.importer.fiche.Fiche;
import org.cqpsuite.importer.fiche.Frameworks;
import org.cqpsuite.importer.fiche.SkillsBlock;
import org.cqpsuite.importer.xml.XmlFicheReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two formats give the same {@link Fiche} for the same content. */
class FormatEquivalenceTest {

    private static Map<String, Fiche> xml;

    @BeforeAll
    static void readXml() {
        xml = Samples.acceptedByCode(new XmlFicheReader().open(Samples.RNCP_XML));
    }

    /**
     * RNCP40344 and RNCP37674 written as an official CSV export by hand, every value copied from the XML sample as
     * written there (dates JJ/MM/AAAA, NIVn, ACTIVE...), in the CSV's own order: the CSV reader must give the XML
     * reader's fiche, less what the CSV export does not carry.
     */
    @Test
    void aCsvExportOfTheSameFichesGivesTheSameFiches(@TempDir Path export) throws IOException {
        CsvTestExports.write(export, "Standard", CsvTestExports.STANDARD_HEADER,
                "27642;RNCP40344;Auxiliaire spécialisé vétérinaire;;;NIV4;Niveau 4;Non;Non;;28/03/2025;28/03/2028;;"
                        + "Enregistrement sur demande;;ACTIVE",
                "24208;RNCP37674;Développeur web et web mobile;TP;Titre professionnel;NIV5;Niveau 5;Non;Non;;;"
                        + "01/09/2028;01/09/2023;Enregistrement de droit;;ACTIVE");
        CsvTestExports.write(export, "Blocs_De_Compétences", "Numero_Fiche;Bloc_Competences_Code;Bloc_Competences_Libelle",
                "RNCP37674;RNCP37674BC01;Développer la partie front-end d'une application web ou web mobile sécurisée",
                "RNCP40344;RNCP40344BC01;Conseiller la clientèle du vétérinaire",
                "RNCP40344;RNCP40344BC02;Contribuer à l’organisation interne de l’établissement de soins vétérinaires",
                "RNCP40344;RNCP40344BC03;Maintenir l’hygiène au sein de l’établissement de soins vétérinaires",
                "RNCP40344;RNCP40344BC04;Assister le vétérinaire en soins et en chirurgie",
                "RNCP37674;RNCP37674BC02;Développer la partie back-end d'une application web ou web mobile sécurisée");
        CsvTestExports.write(export, "Certificateurs", "Numero_Fiche;Siret_Certificateur;Nom_Certificateur",
                "RNCP40344;52875765100013;ANIMAL PRO FORMATION", "RNCP40344;;SNVEL",
                "RNCP37674;11000007200014;MINISTERE DU TRAVAIL DU PLEIN EMPLOI ET DE L' INSERTION");
        CsvTestExports.write(export, "Nsf", "Numero_Fiche;Nsf_Code;Nsf_Intitule",
                "RNCP40344;212t;212t : Soins des animaux, soins vétérinaires",
                "RNCP37674;326t;326t : Programmation, mise en place de logiciels");
        CsvTestExports.write(export, "Rome", "Numero_Fiche;Codes_Rome_Code;Codes_Rome_Libelle",
                "RNCP40344;A1500;Soins aux animaux", "RNCP40344;M1601;Accueil et renseignements",
                "RNCP40344;D1210;Vente en animalerie", "RNCP40344;A1504;Santé animale",
                "RNCP37674;M1805;Études et développement informatique");
        CsvTestExports.write(export, "Ancienne_Nouvelle_Certification",
                "Numero_Fiche;Ancienne_Certification;Nouvelle_Certification", "RNCP40344;RNCP37507;",
                "RNCP37674;RNCP31114;");

        Map<String, Fiche> csv = Samples.acceptedByCode(new CsvFicheReader().open(export));

        assertThat(csv.get("RNCP40344")).isEqualTo(asTheCsvCarriesIt(xml.get("RNCP40344")));
        assertThat(csv.get("RNCP37674")).isEqualTo(asTheCsvCarriesIt(xml.get("RNCP37674")));
    }

    /**
     * RNCP34762 is in both real samples, five years apart (CSV of January 2021, XML of August 2026): what did not
     * change reads the same, and what the directory changed in between shows as such.
     */
    @Test
    void rncp34762ReadsTheSameInBothRealSamplesExceptWhatChangedBetweenThem() {
        Fiche in2021 = Samples.acceptedByCode(new CsvFicheReader().open(Samples.CSV_FOLDER)).get("RNCP34762");
        Fiche in2026 = xml.get("RNCP34762");

        assertThat(in2021.code()).isEqualTo(in2026.code());
        assertThat(in2021.title()).isEqualTo(in2026.title());
        assertThat(in2021.abrege()).isEqualTo(in2026.abrege());
        assertThat(in2021.level()).isEqualTo(in2026.level()).isEqualTo(7);
        assertThat(in2021.registrationType()).isEqualTo(in2026.registrationType());
        assertThat(in2021.nsfCodes()).isEqualTo(in2026.nsfCodes());
        assertThat(in2021.romeCodes()).isEqualTo(in2026.romeCodes());
        assertThat(in2021.predecessorCodes()).isEqualTo(in2026.predecessorCodes());
        assertThat(in2021.blocks()).extracting(SkillsBlock::code, SkillsBlock::title)
                .isEqualTo(in2026.blocks().stream().map(block -> tuple(block.code(), block.title())).toList());
        Certifier school = new Certifier(
                "ETABLISSEMENT D'ENSEIGNEMENT SUPERIEUR CONSULAIRE GRENOBLE ECOLE DE MANAGEMENT", "81738914100018");
        assertThat(in2021.certifiers()).contains(school);
        assertThat(in2026.certifiers()).contains(school);

        // Changed by the directory between the two exports:
        assertThat(in2021.active()).isTrue();
        assertThat(in2026.active()).isFalse();
        assertThat(in2021.endDate()).isEqualTo(LocalDate.of(2025, 8, 31));
        assertThat(in2026.endDate()).isEqualTo(LocalDate.of(2024, 8, 31));
        assertThat(in2021.successorCodes()).isEmpty();
        assertThat(in2026.successorCodes()).containsExactly("RNCP39568");
        assertThat(in2021.certifiers()).contains(
                new Certifier("Ministère de l’Enseignement supérieur, de la Recherche et de l’Innovation", null));
        assertThat(in2026.certifiers()).contains(
                new Certifier("MINISTERE DE L'ENSEIGNEMENT SUPERIEUR ET DE LA RECHERCHE", "11004401300040"));
    }

    /** The XML fiche less what the official CSV export has no column for. */
    private static Fiche asTheCsvCarriesIt(Fiche fiche) {
        return new Fiche(fiche.directory(), fiche.code(), fiche.numeroFiche(), fiche.idFiche(), fiche.title(),
                fiche.abrege(), fiche.active(), null, fiche.registrationType(), fiche.decisionDate(),
                fiche.effectiveDate(), fiche.endDate(), null, null, fiche.level(),
                fiche.blocks().stream().map(block -> new SkillsBlock(block.code(), block.title(), null, null)).toList(),
                fiche.certifiers(), fiche.idccCodes(), fiche.collectiveAgreements(), fiche.nsfCodes(),
                fiche.romeCodes(), fiche.predecessorCodes(), fiche.successorCodes(), Frameworks.NONE);
    }
}
