package org.cqpsuite.importer.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
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
 * The XML V4.1 reader on the real samples (values asserted are read in the files by hand) and on small edited
 * documents for empty, malformed and broken input.
 */
class XmlFicheReaderTest {

    private static Map<String, Fiche> rncp;
    private static Map<String, Fiche> rs;

    @BeforeAll
    static void readSamples() {
        rncp = Samples.acceptedByCode(new XmlFicheReader().open(Samples.RNCP_XML));
        rs = Samples.acceptedByCode(new XmlFicheReader().open(Samples.RS_XML));
    }

    @Test
    void readsEveryFicheOfBothSamplesInOrder() {
        assertThat(rncp.keySet()).containsExactly("RNCP34762", "RNCP35809", "RNCP35625", "RNCP35419", "RNCP37488",
                "RNCP40344", "RNCP36612", "RNCP37674", "RNCP36490", "RNCP35959", "RNCP37873", "RNCP39568");
        assertThat(rs.keySet()).containsExactly("RS6232", "RS5719", "RS6547", "RS5000", "RS5568", "RS6604", "RS7485",
                "RS7423");
        assertThat(rncp.values()).allSatisfy(fiche -> assertThat(fiche.directory()).isEqualTo(Directory.RNCP));
        assertThat(rs.values()).allSatisfy(fiche -> {
            assertThat(fiche.directory()).isEqualTo(Directory.RS);
            assertThat(fiche.level()).as("RS fiches have no level").isNull();
            assertThat(fiche.blocks()).isEmpty();
        });
    }

    @Test
    void rncp34762EveryField() {
        Fiche fiche = rncp.get("RNCP34762");

        assertThat(fiche.directory()).isEqualTo(Directory.RNCP);
        assertThat(fiche.code()).isEqualTo("RNCP34762");
        assertThat(fiche.numeroFiche()).isEqualTo("RNCP34762");
        assertThat(fiche.idFiche()).isEqualTo("20172");
        assertThat(fiche.title()).isEqualTo("Programme Grande Ecole – Diplôme d’études supérieures en management");
        assertThat(fiche.abrege()).isEqualTo(new Abrege("DipViGrM", "Diplôme visé grade de master"));
        assertThat(fiche.active()).isFalse();
        assertThat(fiche.etatFiche()).isEqualTo("Publiée");
        assertThat(fiche.registrationType()).isEqualTo(RegistrationType.BY_RIGHT);
        assertThat(fiche.decisionDate()).isNull();
        assertThat(fiche.effectiveDate()).isEqualTo(LocalDate.of(2020, 9, 1));
        assertThat(fiche.registrationDate()).isEqualTo(LocalDate.of(2020, 9, 1));
        assertThat(fiche.endDate()).isEqualTo(LocalDate.of(2024, 8, 31));
        assertThat(fiche.awardDeadline()).isNull();
        assertThat(fiche.registrationYears()).isNull();
        assertThat(fiche.level()).isEqualTo(7);
        assertThat(fiche.certifiers()).containsExactly(
                new Certifier("ETABLISSEMENT D'ENSEIGNEMENT SUPERIEUR CONSULAIRE GRENOBLE ECOLE DE MANAGEMENT",
                        "81738914100018"),
                new Certifier("MINISTERE DE L'ENSEIGNEMENT SUPERIEUR ET DE LA RECHERCHE", "11004401300040"));
        assertThat(fiche.idccCodes()).isEmpty();
        assertThat(fiche.collectiveAgreements()).isEmpty();
        // written 313, 310, 315p in the file: code lists are sorted
        assertThat(fiche.nsfCodes()).containsExactly("310", "313", "315p");
        assertThat(fiche.romeCodes()).containsExactly("M1202", "M1205", "M1402", "M1705", "M1707");
        assertThat(fiche.predecessorCodes()).containsExactly("RNCP24998");
        assertThat(fiche.successorCodes()).containsExactly("RNCP39568");

        assertThat(fiche.blocks()).extracting(SkillsBlock::code).containsExactly("RNCP34762BC01", "RNCP34762BC02",
                "RNCP34762BC03", "RNCP34762BC04", "RNCP34762BC05");
        SkillsBlock first = fiche.blocks().get(0);
        assertThat(first.title()).isEqualTo("Stratégie, organisation, environnement socioéconomique et géopolitique");
        assertThat(first.skills()).startsWith("A1C1. Evaluer, depuis son périmètre et/ou son méti")
                .endsWith("airer une décision managériale").hasSize(1954);
        assertThat(first.evaluation()).startsWith("A1C1.Note d'alerte ou d'évaluation d'un contexte é")
                .endsWith("recommandation à sa direction)").hasSize(2396);
        assertThat(fiche.blocks().get(4).title())
                .isEqualTo("Mobilisation d’une expertise métier au sein d’une organisation");
        assertThat(fiche.blocks().get(4).evaluation()).hasSize(679);

        Frameworks frameworks = fiche.frameworks();
        assertThat(frameworks.activities()).startsWith("Le référentiel est conçu pour bien décrire les activités et ")
                .endsWith(" contagiosité au niveau de l’entreprise.").hasSize(13712);
        assertThat(frameworks.targetedJobs()).startsWith("Le manager intermédiaire exerce dans tout type de fonctions ")
                .endsWith(" spécificités de la structure d’accueil.").hasSize(1453);
        assertThat(frameworks.attestedSkills()).startsWith("Les compétences attestées sont les suivantes :")
                .endsWith("ce de proposition auprès de la Direction").hasSize(9968);
    }

    @Test
    void rncp40344OnRequestWithAwardDeadlineAndACertifierWithoutSiret() {
        Fiche fiche = rncp.get("RNCP40344");

        assertThat(fiche.idFiche()).isEqualTo("27642");
        assertThat(fiche.title()).isEqualTo("Auxiliaire spécialisé vétérinaire");
        assertThat(fiche.abrege()).isNull();
        assertThat(fiche.active()).isTrue();
        assertThat(fiche.etatFiche()).isEqualTo("Modifications à valider");
        assertThat(fiche.registrationType()).isEqualTo(RegistrationType.ON_REQUEST);
        assertThat(fiche.decisionDate()).isEqualTo(LocalDate.of(2025, 3, 28));
        assertThat(fiche.effectiveDate()).isNull();
        assertThat(fiche.registrationDate()).isEqualTo(LocalDate.of(2025, 3, 28));
        assertThat(fiche.endDate()).isEqualTo(LocalDate.of(2028, 3, 28));
        assertThat(fiche.awardDeadline()).isEqualTo(LocalDate.of(2032, 3, 28));
        assertThat(fiche.registrationYears()).isEqualTo(3);
        assertThat(fiche.level()).isEqualTo(4);
        assertThat(fiche.certifiers()).containsExactly(
                new Certifier("ANIMAL PRO FORMATION", "52875765100013"), new Certifier("SNVEL", null));
        assertThat(fiche.nsfCodes()).containsExactly("212t");
        assertThat(fiche.romeCodes()).containsExactly("A1500", "A1504", "D1210", "M1601");
        assertThat(fiche.predecessorCodes()).containsExactly("RNCP37507");
        assertThat(fiche.successorCodes()).isEmpty();
        assertThat(fiche.blocks()).hasSize(4);
        // inner spacing is the export's own: it flattened the line breaks into runs of spaces
        assertThat(fiche.blocks().get(1)).isEqualTo(new SkillsBlock("RNCP40344BC02",
                "Contribuer à l’organisation interne de l’établissement de soins vétérinaires",
                fiche.blocks().get(1).skills(),
                "Etude de cas complexe avec restitution orale     Entretien avec le jury"));
        assertThat(fiche.blocks().get(1).skills()).hasSize(1400);
        assertThat(fiche.frameworks().targetedJobs()).isEqualTo("Auxiliaire spécialisé vétérinaire");
        assertThat(fiche.frameworks().activities())
                .startsWith("Gestion des appels téléphoniques, de l’accueil au comptoir et de la salle d’atte");
        assertThat(fiche.frameworks().attestedSkills()).hasSize(5653);
    }

    @Test
    void rncp37674TitreProfessionnelByRight() {
        Fiche fiche = rncp.get("RNCP37674");

        assertThat(fiche.idFiche()).isEqualTo("24208");
        assertThat(fiche.title()).isEqualTo("Développeur web et web mobile");
        assertThat(fiche.abrege()).isEqualTo(new Abrege("TP", "Titre professionnel"));
        assertThat(fiche.registrationType()).isEqualTo(RegistrationType.BY_RIGHT);
        assertThat(fiche.effectiveDate()).isEqualTo(LocalDate.of(2023, 9, 1));
        assertThat(fiche.endDate()).isEqualTo(LocalDate.of(2028, 9, 1));
        assertThat(fiche.level()).isEqualTo(5);
        assertThat(fiche.certifiers()).containsExactly(
                new Certifier("MINISTERE DU TRAVAIL DU PLEIN EMPLOI ET DE L' INSERTION", "11000007200014"));
        assertThat(fiche.blocks()).extracting(SkillsBlock::title).containsExactly(
                "Développer la partie front-end d'une application web ou web mobile sécurisée",
                "Développer la partie back-end d'une application web ou web mobile sécurisée");
        assertThat(fiche.predecessorCodes()).containsExactly("RNCP31114");
        assertThat(fiche.frameworks().activities()).hasSize(2917);
        assertThat(fiche.frameworks().targetedJobs()).hasSize(249);
        assertThat(fiche.frameworks().attestedSkills()).hasSize(736);
    }

    @Test
    void rs5568EveryField() {
        Fiche fiche = rs.get("RS5568");

        assertThat(fiche.directory()).isEqualTo(Directory.RS);
        assertThat(fiche.code()).isEqualTo("RS5568");
        assertThat(fiche.idFiche()).isEqualTo("21789");
        assertThat(fiche.title()).isEqualTo("Référent cybersécurité en TPE/PME");
        assertThat(fiche.abrege()).isNull();
        assertThat(fiche.active()).isTrue();
        assertThat(fiche.etatFiche()).isEqualTo("Publiée");
        assertThat(fiche.registrationType()).isEqualTo(RegistrationType.ON_REQUEST);
        assertThat(fiche.decisionDate()).isEqualTo(LocalDate.of(2021, 11, 10));
        assertThat(fiche.effectiveDate()).isNull();
        assertThat(fiche.endDate()).isEqualTo(LocalDate.of(2026, 11, 10));
        assertThat(fiche.awardDeadline()).isNull();
        assertThat(fiche.registrationYears()).isEqualTo(5);
        assertThat(fiche.level()).isNull();
        assertThat(fiche.blocks()).isEmpty();
        assertThat(fiche.certifiers()).containsExactly(new Certifier("CCI FRANCE", "18750002000073"));
        assertThat(fiche.idccCodes()).isEmpty();
        assertThat(fiche.nsfCodes()).containsExactly("326m");
        assertThat(fiche.romeCodes()).isEmpty();
        assertThat(fiche.predecessorCodes()).containsExactly("RS3818");
        assertThat(fiche.successorCodes()).isEmpty();
        assertThat(fiche.frameworks().activities()).isNull();
        assertThat(fiche.frameworks().targetedJobs()).isNull();
        assertThat(fiche.frameworks().attestedSkills())
                .startsWith("Identifier les enjeux et problématiques d’intelligence éc onomique et ")
                .endsWith("es en matière de cybersécurité").hasSize(1052);
    }

    @Test
    void rs6232InactiveReplacedWithThreeCertifiers() {
        Fiche fiche = rs.get("RS6232");

        assertThat(fiche.active()).isFalse();
        assertThat(fiche.title()).isEqualTo(
                "Repérage de l’amiante dans le domaine des navires, bateaux, engins flottants et autres constructions"
                        + " flottantes");
        assertThat(fiche.decisionDate()).isEqualTo(LocalDate.of(2023, 1, 25));
        assertThat(fiche.endDate()).isEqualTo(LocalDate.of(2026, 1, 25));
        assertThat(fiche.awardDeadline()).isEqualTo(LocalDate.of(2026, 7, 25));
        assertThat(fiche.registrationYears()).isEqualTo(3);
        // the same name twice with two SIRETs: two establishments, both kept
        assertThat(fiche.certifiers()).containsExactly(new Certifier("ADXF2", "93905426800023"),
                new Certifier("ADX FORMATION", "84210466300039"), new Certifier("ADX FORMATION", "84210466300013"));
        assertThat(fiche.predecessorCodes()).containsExactly("RS5078");
        assertThat(fiche.successorCodes()).containsExactly("RS7485");
        assertThat(rs.get("RS7485").predecessorCodes()).containsExactly("RS6232");
    }

    @Test
    void aMalformedFicheIsRejectedWithItsNumberAndReasonsAndReadingGoesOn() {
        String xml = document(
                fiche("RNCP100", "<ACTIF>Oui</ACTIF><DATE_FIN_ENREGISTREMENT>01/02/2026</DATE_FIN_ENREGISTREMENT>"),
                """
                <FICHE>
                  <NUMERO_FICHE>RNCP101</NUMERO_FICHE>
                  <INTITULE>Fiche aux valeurs fausses</INTITULE>
                  <ACTIF>Peut-être</ACTIF>
                  <DATE_DECISION>2024-01-15</DATE_DECISION>
                  <DATE_FIN_ENREGISTREMENT>31/02/2024</DATE_FIN_ENREGISTREMENT>
                  <TYPE_ENREGISTREMENT>Enregistrement provisoire</TYPE_ENREGISTREMENT>
                  <NOMENCLATURE_EUROPE><NIVEAU>NIV9</NIVEAU></NOMENCLATURE_EUROPE>
                  <CODES_IDCC><IDCC><CODE>12345</CODE></IDCC></CODES_IDCC>
                  <NOUVELLES_CERTIFICATIONS><NOUVELLE_CERTIFICATION>
                    <ID_FICHE_NOUVELLE_CERTIFICATION>34999</ID_FICHE_NOUVELLE_CERTIFICATION>
                  </NOUVELLE_CERTIFICATION></NOUVELLES_CERTIFICATIONS>
                  <CERTIFICATEURS><CERTIFICATEUR><SIRET_CERTIFICATEUR>123</SIRET_CERTIFICATEUR>
                    <NOM_CERTIFICATEUR>X</NOM_CERTIFICATEUR></CERTIFICATEUR></CERTIFICATEURS>
                </FICHE>
                """,
                fiche("RNCPX12", "<ACTIF>Oui</ACTIF>"),
                fiche("RNCP103", "<ACTIF>Non</ACTIF>"));

        List<FicheResult> results = read(xml);

        assertThat(results).hasSize(4);
        assertThat(results.get(0)).isInstanceOf(FicheResult.Accepted.class);
        FicheResult.Rejected bad = (FicheResult.Rejected) results.get(1);
        assertThat(bad.ficheNumber()).isEqualTo("RNCP101");
        assertThat(bad.location()).isEqualTo("test.xml line 5");
        assertThat(bad.reason()).isEqualTo(String.join("; ",
                "ACTIF 'Peut-être' is neither Oui/Non nor ACTIVE/INACTIVE",
                "TYPE_ENREGISTREMENT 'Enregistrement provisoire' is neither 'de droit' nor 'sur demande'",
                "DATE_DECISION '2024-01-15' is not a valid JJ/MM/AAAA date",
                "DATE_FIN_ENREGISTREMENT '31/02/2024' is not a valid JJ/MM/AAAA date",
                "NIVEAU 'NIV9' is not NIV1 to NIV8",
                "SIRET_CERTIFICATEUR '123' is not 14 digits",
                "IDCC code '12345' is not 1 to 4 digits",
                "NOUVELLE_CERTIFICATION '34999' is not RNCP or RS followed by digits"));
        FicheResult.Rejected badCode = (FicheResult.Rejected) results.get(2);
        assertThat(badCode.ficheNumber()).isEqualTo("RNCPX12");
        assertThat(badCode.reason()).isEqualTo("NUMERO_FICHE 'RNCPX12' is not RNCP or RS followed by digits");
        assertThat(((FicheResult.Accepted) results.get(3)).fiche().code()).isEqualTo("RNCP103");
    }

    @Test
    void emptyValuesAreAbsentNeverEmptyStrings() {
        String xml = document("""
                <FICHE>
                  <ID_FICHE> </ID_FICHE>
                  <NUMERO_FICHE> RNCP200 </NUMERO_FICHE>
                  <INTITULE>\u00a0Titre   sur
                     deux lignes\u00a0</INTITULE>
                  <ABREGE><CODE></CODE><LIBELLE>   </LIBELLE></ABREGE>
                  <ETAT_FICHE/>
                  <ACTIF>Oui</ACTIF>
                  <TYPE_ENREGISTREMENT></TYPE_ENREGISTREMENT>
                  <DATE_DECISION/>
                  <DATE_EFFET>  </DATE_EFFET>
                  <DATE_FIN_ENREGISTREMENT></DATE_FIN_ENREGISTREMENT>
                  <DATE_LIMITE_DELIVRANCE/>
                  <DUREE_ENREGISTREMENT/>
                  <NOMENCLATURE_EUROPE><NIVEAU>AUCUN</NIVEAU><LIBELLE>Aucun</LIBELLE></NOMENCLATURE_EUROPE>
                  <CODES_NSF/>
                  <CODES_ROME><ROME><CODE></CODE><LIBELLE/></ROME></CODES_ROME>
                  <CODES_IDCC></CODES_IDCC>
                  <CCN_1><NUMERO/><LIBELLE/></CCN_1>
                  <CERTIFICATEURS>
                    <CERTIFICATEUR><SIRET_CERTIFICATEUR/><NOM_CERTIFICATEUR>CPNE de la branche</NOM_CERTIFICATEUR></CERTIFICATEUR>
                    <CERTIFICATEUR><SIRET_CERTIFICATEUR/><NOM_CERTIFICATEUR/></CERTIFICATEUR>
                  </CERTIFICATEURS>
                  <BLOCS_COMPETENCES>
                    <BLOC_COMPETENCES><CODE>BC1</CODE><LIBELLE/><LISTE_COMPETENCES/><MODALITES_EVALUATION> </MODALITES_EVALUATION></BLOC_COMPETENCES>
                  </BLOCS_COMPETENCES>
                  <ANCIENNES_CERTIFICATIONS/>
                  <ACTIVITES_VISEES>   </ACTIVITES_VISEES>
                  <TYPE_EMPLOI_ACCESSIBLES/>
                </FICHE>
                """);

        Fiche fiche = accepted(read(xml).get(0));

        assertThat(fiche.code()).isEqualTo("RNCP200");
        assertThat(fiche.numeroFiche()).isEqualTo("RNCP200");
        assertThat(fiche.idFiche()).isNull();
        assertThat(fiche.title()).isEqualTo("Titre sur deux lignes");
        assertThat(fiche.abrege()).isNull();
        assertThat(fiche.etatFiche()).isNull();
        assertThat(fiche.registrationType()).isNull();
        assertThat(fiche.decisionDate()).isNull();
        assertThat(fiche.effectiveDate()).isNull();
        assertThat(fiche.registrationDate()).isNull();
        assertThat(fiche.endDate()).isNull();
        assertThat(fiche.awardDeadline()).isNull();
        assertThat(fiche.registrationYears()).isNull();
        assertThat(fiche.level()).isNull();
        assertThat(fiche.nsfCodes()).isEmpty();
        assertThat(fiche.romeCodes()).isEmpty();
        assertThat(fiche.idccCodes()).isEmpty();
        assertThat(fiche.collectiveAgreements()).isEmpty();
        assertThat(fiche.certifiers()).containsExactly(new Certifier("CPNE de la branche", null));
        assertThat(fiche.blocks()).containsExactly(new SkillsBlock("BC1", null, null, null));
        assertThat(fiche.predecessorCodes()).isEmpty();
        assertThat(fiche.successorCodes()).isEmpty();
        assertThat(fiche.frameworks()).isEqualTo(Frameworks.NONE);
    }

    @Test
    void missingRequiredValuesRejectTheFiche() {
        List<FicheResult> results = read(document("<FICHE><NUMERO_FICHE>RS12</NUMERO_FICHE></FICHE>",
                "<FICHE><INTITULE>Sans numéro</INTITULE><ACTIF>Oui</ACTIF></FICHE>"));

        assertThat(results).containsExactly(
                new FicheResult.Rejected("RS12", "INTITULE missing; ACTIF missing", "test.xml line 4"),
                new FicheResult.Rejected(null, "NUMERO_FICHE missing", "test.xml line 5"));
    }

    @Test
    void idccCodesAreZeroPaddedAndCollectiveAgreementsKeptApart() {
        Fiche fiche = accepted(read(document(fiche("RNCP300", """
                <ACTIF>Oui</ACTIF>
                <CODES_IDCC>
                  <IDCC><CODE>1979</CODE><LIBELLE>Hôtels, cafés, restaurants</LIBELLE></IDCC>
                  <IDCC><CODE>18</CODE><LIBELLE>Industrie textile</LIBELLE></IDCC>
                  <IDCC><CODE>0018</CODE></IDCC>
                </CODES_IDCC>
                <CCN_1><NUMERO>3292</NUMERO><LIBELLE>Hôtels, cafés, restaurants (HCR)</LIBELLE></CCN_1>
                <CCN_2><NUMERO></NUMERO><LIBELLE></LIBELLE></CCN_2>
                """))).get(0));

        assertThat(fiche.idccCodes()).containsExactly("0018", "1979");
        assertThat(fiche.collectiveAgreements())
                .containsExactly(new CollectiveAgreement("3292", "Hôtels, cafés, restaurants (HCR)"));
    }

    @Test
    void codesAreNormalised() {
        Fiche fiche = accepted(read(document(fiche("rncp1234", """
                <ACTIF>oui</ACTIF>
                <TYPE_ENREGISTREMENT>ENREGISTREMENT SUR DEMANDE</TYPE_ENREGISTREMENT>
                <NOMENCLATURE_EUROPE><NIVEAU>niv6</NIVEAU></NOMENCLATURE_EUROPE>
                <CODES_NSF><NSF><CODE>312M</CODE></NSF><NSF><CODE>312m</CODE></NSF></CODES_NSF>
                <CODES_ROME><ROME><CODE>m1805</CODE></ROME></CODES_ROME>
                <ANCIENNES_CERTIFICATIONS><ANCIENNE_CERTIFICATION>
                  <ID_FICHE_ANCIENNE_CERTIFICATION>rs99</ID_FICHE_ANCIENNE_CERTIFICATION>
                </ANCIENNE_CERTIFICATION></ANCIENNES_CERTIFICATIONS>
                <CERTIFICATEURS><CERTIFICATEUR><SIRET_CERTIFICATEUR>817 389 141 00018</SIRET_CERTIFICATEUR>
                  <NOM_CERTIFICATEUR>GRENOBLE ECOLE DE MANAGEMENT</NOM_CERTIFICATEUR></CERTIFICATEUR></CERTIFICATEURS>
                """))).get(0));

        assertThat(fiche.code()).isEqualTo("RNCP1234");
        assertThat(fiche.numeroFiche()).isEqualTo("rncp1234");
        assertThat(fiche.active()).isTrue();
        assertThat(fiche.registrationType()).isEqualTo(RegistrationType.ON_REQUEST);
        assertThat(fiche.level()).isEqualTo(6);
        assertThat(fiche.nsfCodes()).containsExactly("312m");
        assertThat(fiche.romeCodes()).containsExactly("M1805");
        assertThat(fiche.predecessorCodes()).containsExactly("RS99");
        assertThat(fiche.certifiers())
                .containsExactly(new Certifier("GRENOBLE ECOLE DE MANAGEMENT", "81738914100018"));
    }

    @Test
    void structuralSurprisesInsideAFicheRejectItButNotTheDocument() {
        List<FicheResult> results = read(document(
                fiche("RNCP400", "<ACTIF>Oui</ACTIF><DATE_EFFET>01/01/2020</DATE_EFFET>"
                        + "<DATE_EFFET>01/01/2021</DATE_EFFET>"),
                "<FICHE><NUMERO_FICHE>RNCP401</NUMERO_FICHE><INTITULE>Un <B>gras</B> titre</INTITULE>"
                        + "<ACTIF>Oui</ACTIF></FICHE>",
                "<FICHE><NUMERO_FICHE>RNCP402</NUMERO_FICHE><INTITULE>T</INTITULE><ACTIF>Oui</ACTIF>"
                        + "<BLOCS_COMPETENCES><BLOC_COMPETENCES><CODE>BC01</CODE></BLOC_COMPETENCES>"
                        + "<BLOC_COMPETENCES><CODE>BC01</CODE></BLOC_COMPETENCES>"
                        + "<BLOC_COMPETENCES><LIBELLE>Sans code</LIBELLE></BLOC_COMPETENCES></BLOCS_COMPETENCES>"
                        + "</FICHE>",
                fiche("RNCP403", "<ACTIF>Oui</ACTIF><UNE_BALISE_FUTURE><X>1</X></UNE_BALISE_FUTURE>")));

        assertThat(results).extracting(FicheResult::ficheNumber)
                .containsExactly("RNCP400", "RNCP401", "RNCP402", "RNCP403");
        assertThat(((FicheResult.Rejected) results.get(0)).reason()).isEqualTo("DATE_EFFET given twice");
        assertThat(((FicheResult.Rejected) results.get(1)).reason())
                .isEqualTo("INTITULE holds an unexpected element <B>");
        assertThat(((FicheResult.Rejected) results.get(2)).reason())
                .isEqualTo("BLOC_COMPETENCES code 'BC01' given twice; BLOC_COMPETENCES without CODE ('Sans code')");
        // unknown elements (a later version of the format) are skipped
        assertThat(results.get(3)).isInstanceOf(FicheResult.Accepted.class);
    }

    @Test
    void aDocumentThatIsNotWellFormedStopsTheReadingAfterTheFichesBeforeIt() {
        String truncated = document(fiche("RNCP500", "<ACTIF>Oui</ACTIF>"))
                .replace("</FICHES>", "<FICHE><NUMERO_FICHE>RNCP501</NUMERO_FICHE><INTITU");

        try (FicheSource source = open(truncated)) {
            assertThat(source.next().ficheNumber()).isEqualTo("RNCP500");
            assertThatThrownBy(source::hasNext).isInstanceOf(ExportFormatException.class)
                    .hasMessage("test.xml is not well-formed XML at line 6, column 1: XML document structures must start"
                            + " and end within the same entity.");
        }
    }

    @Test
    void aDocumentThatIsNotAnExportIsRefused() {
        assertThatThrownBy(() -> read("<?xml version=\"1.0\"?><CERTIFICATIONS><FICHE/></CERTIFICATIONS>"))
                .isInstanceOf(ExportFormatException.class)
                .hasMessage("test.xml: the root element is <CERTIFICATIONS>, not <FICHES>: this is not an XML V4.1"
                        + " export");
        assertThatThrownBy(() -> read("")).isInstanceOf(ExportFormatException.class);
    }

    @Test
    void entitiesDeclaredInADoctypeAreNeverResolved() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE FICHES [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>"
                + "<FICHES><FICHE><NUMERO_FICHE>RNCP1</NUMERO_FICHE><INTITULE>&x;</INTITULE><ACTIF>Oui</ACTIF>"
                + "</FICHE></FICHES>";

        assertThatThrownBy(() -> read(xxe)).isInstanceOf(ExportFormatException.class)
                .hasMessageContaining("The entity \"x\" was referenced, but not declared");
    }

    @Test
    void readsTheExportsInsideAZipAsFromTheFiles(@TempDir Path tmp) {
        Path zip = Samples.zip(tmp.resolve("export-fiches-v4-1-2026-08-16.zip"),
                List.of(Samples.RNCP_XML, Samples.RS_XML));

        List<FicheResult> fromZip = Samples.readAll(new XmlFicheReader().open(zip));

        assertThat(fromZip).hasSize(20);
        assertThat(fromZip).extracting(result -> ((FicheResult.Accepted) result).fiche())
                .containsExactlyElementsOf(concat(rncp.values(), rs.values()));
        assertThat(fromZip.get(0).location())
                .isEqualTo("export-fiches-v4-1-2026-08-16.zip!export_fiches_RNCP_V4_1_2026-08-16_sample.xml line 4");
    }

    private static List<Fiche> concat(Collection<Fiche> first, Collection<Fiche> second) {
        List<Fiche> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    static String document(String... fiches) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<FICHES>\n<VERSION_FLUX>4.1</VERSION_FLUX>\n"
                + String.join("\n", fiches) + "\n</FICHES>\n";
    }

    static String fiche(String numero, String more) {
        return "<FICHE><NUMERO_FICHE>" + numero + "</NUMERO_FICHE><INTITULE>Titre " + numero + "</INTITULE>" + more
                + "</FICHE>";
    }

    private static FicheSource open(String xml) {
        return new XmlFicheReader().open(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "test.xml");
    }

    private static List<FicheResult> read(String xml) {
        return Samples.readAll(open(xml));
    }

    private static Fiche accepted(FicheResult result) {
        assertThat(result).isInstanceOf(FicheResult.Accepted.class);
        return ((FicheResult.Accepted) result).fiche();
    }
}
