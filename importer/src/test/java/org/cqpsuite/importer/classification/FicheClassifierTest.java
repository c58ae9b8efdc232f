package org.cqpsuite.importer.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.cqpsuite.importer.Samples;
import org.cqpsuite.importer.csv.CsvFicheReader;
import org.cqpsuite.importer.fiche.Fiche;
import org.cqpsuite.importer.fiche.FicheMapper;
import org.cqpsuite.importer.fiche.FicheRejection;
import org.cqpsuite.importer.fiche.RawFiche;
import org.cqpsuite.importer.xml.XmlFicheReader;
import org.junit.jupiter.api.Test;

class FicheClassifierTest {

    /**
     * The CQPs of the 2021 CSV set, found by reading every certifier name of its Certificateurs part: those certified
     * by a CPNE (CPNE, CPNEFP, "Commission paritaire nationale de l'emploi...") or by a branch's joint body (ADEF
     * "... dans la branche sécurité privée", the avocats' "Association paritaire ... dans la branche ...", the dental
     * practices' "Association pour le paritarisme ...").
     */
    private static final List<String> CQPS_OF_THE_2021_SET = List.of(
            "RNCP15745", // Assistant dentaire: CPNEFP des cabinets dentaires - APCDL
            "RNCP4696", // Assistant(e) dentaire: CPNE des cabinets dentaires - CNSD
            "RNCP31053", // Commis de cuisine: CPNE de l'industrie hôtelière (CPNE-IH) - CERTIDEV
            "RNCP31402", // Serveur en restauration: CPNE-IH - CERTIDEV
            "RNCP31318", // Employé qualifié de restauration: CPNEFP de la restauration collective - CERTIDEV
            "RNCP31326", // Employé technique de restauration: CPNEFP-RC
            "RNCP31368", // Pâtissier en restauration collective: CPNEFP-RC
            "RNCP31377", // Chef de cuisine en restaurant de collectivité: CPNEFP-RC
            "RNCP34197", // Conseiller technique cycles: CPNE des services de l'automobile
            "RNCP34322", // Technicien Expert Après-Vente Automobile: same
            "RNCP34344", // Vendeur automobile: same
            "RNCP34346", // Mécanicien cycles: same
            "RNCP34486", // Agent de sécurité cynophile: Commission paritaire nationale pour l'emploi "prévention - sécurité"
            "RNCP35098", // Agent de protection physique des personnes: CPNE des entreprises de prévention et sécurité
            "RNCP34054", // Agent de prévention et de sécurité: ADEF ... dans la branche sécurité privée
            "RNCP34689", // Secrétaire juridique: Association paritaire ... branche du personnel des cabinets d'avocats
            "RNCP35137"); // Assistant juridique: same

    private final FicheClassifier classifier = new FicheClassifier();

    @Test
    void the2021CsvSetHasTheCqpsFoundByReadingItsCertifiers() {
        Map<String, Fiche> fiches = Samples.acceptedByCode(new CsvFicheReader().open(Samples.CSV_FOLDER));

        Map<CertificationKind, List<Classification>> byKind = fiches.values().stream()
                .map(classifier::classify)
                .collect(Collectors.groupingBy(Classification::kind));

        assertThat(byKind.get(CertificationKind.CQP)).extracting(Classification::code)
                .containsExactlyInAnyOrderElementsOf(CQPS_OF_THE_2021_SET);
        assertThat(byKind.get(CertificationKind.CQP))
                .allSatisfy(classification -> assertThat(classification.basis()).isEqualTo(Basis.CERTIFIER));
        assertThat(byKind).doesNotContainKey(CertificationKind.CQPI);
        assertThat(byKind.get(CertificationKind.OTHER)).hasSize(2580 - CQPS_OF_THE_2021_SET.size());

        Classification commis = classifier.classify(fiches.get("RNCP31053"));
        assertThat(commis.reasons()).containsExactly(
                "certifier 'Commission paritaire nationale de l'emploi de l'industrie hôtelière (CPNE-IH) - CERTIDEV'"
                        + " is a CPNE",
                "carrying branches unknown (no CODES_IDCC, certifiers' branches not known)");
        assertThat(commis.branchIdccs()).isEmpty();
        assertThat(classifier.classify(fiches.get("RNCP34486")).reasons()).containsExactly(
                "certifier 'Commission paritaire nationale pour l'emploi \"prévention - sécurité\"' is a commission"
                        + " paritaire",
                "certifier 'ASSOCIATION POUR LE DEVELOPPEMENT DE LA FORMATION PROFESSIONNELLE DANS LA BRANCHE SECURITE"
                        + " PRIVEE' is a body named after its branch",
                "carrying branches unknown (no CODES_IDCC, certifiers' branches not known)");
    }

    @Test
    void lookalikesInThe2021SetAreNotCqps() {
        Map<String, Fiche> fiches = Samples.acceptedByCode(new CsvFicheReader().open(Samples.CSV_FOLDER));

        // "Certificat de qualification technique", not "professionnelle", by a metallurgy training centre
        assertThat(classifier.classify(fiches.get("RNCP2049")).kind()).isEqualTo(CertificationKind.OTHER);
        // a school that is an "établissement paritaire", not a commission
        assertThat(classifier.classify(fiches.get("RNCP19316")).kind()).isEqualTo(CertificationKind.OTHER);
        // federations issue their own certifications
        assertThat(classifier.classify(fiches.get("RNCP10207")).kind()).isEqualTo(CertificationKind.OTHER);
        assertThat(classifier.classify(fiches.get("RNCP15159")).kind()).isEqualTo(CertificationKind.OTHER);
        // a titre professionnel of the ministry
        Classification tp = classifier.classify(fiches.get("RNCP181"));
        assertThat(tp.kind()).isEqualTo(CertificationKind.OTHER);
        assertThat(tp.basis()).isEqualTo(Basis.NONE);
        assertThat(tp.reason()).isEqualTo("no CQP evidence: abrégé TP (Titre professionnel), title not a CQP title,"
                + " no certifier is a CPNE, a commission paritaire or a branch body");
    }

    @Test
    void aCertifierKnownToBelongToABranchMakesACqpWithThatBranch() {
        Map<String, Fiche> fiches = Samples.acceptedByCode(new CsvFicheReader().open(Samples.CSV_FOLDER));
        // RNCP18119 "Conseiller technique cycles" (2019), predecessor of the CPNE's RNCP34197, certified by ANFA alone:
        // nothing in its name says branch, only knowing the automobile services branch (IDCC 1090) does.
        Fiche anfa = fiches.get("RNCP18119");
        assertThat(classifier.classify(anfa).kind()).isEqualTo(CertificationKind.OTHER);

        FicheClassifier knowing = new FicheClassifier(CertifierBranches.byName(
                Map.of("ASSOCIATION NATIONALE POUR LA FORMATION AUTOMOBILE (ANFA)", List.of("1090"))));
        Classification classification = knowing.classify(anfa);

        assertThat(classification.kind()).isEqualTo(CertificationKind.CQP);
        assertThat(classification.basis()).isEqualTo(Basis.CERTIFIER);
        assertThat(classification.branchIdccs()).containsExactly("1090");
        assertThat(classification.reasons()).containsExactly(
                "certifier 'Association nationale pour la formation automobile (ANFA)' belongs to branch(es) 1090");
    }

    @Test
    void theXmlSamplesHoldNoCqp() {
        Map<String, Fiche> fiches = Samples.acceptedByCode(new XmlFicheReader().open(Samples.RNCP_XML));
        fiches.putAll(Samples.acceptedByCode(new XmlFicheReader().open(Samples.RS_XML)));

        assertThat(fiches.values()).allSatisfy(
                fiche -> assertThat(classifier.classify(fiche).kind()).isEqualTo(CertificationKind.OTHER));
        // SNVEL, an employers' union, co-certifies RNCP40344: a union is not a branch body
        assertThat(classifier.classify(fiches.get("RNCP40344")).reason()).isEqualTo("no CQP evidence: no abrégé,"
                + " title not a CQP title, no certifier is a CPNE, a commission paritaire or a branch body");
    }

    @Test
    void theAbregeDecidesFirst() {
        Classification cqp = classifier.classify(fiche(raw -> {
            raw.abregeCode = "CQP";
            raw.abregeLibelle = "Certificat de qualification professionnelle";
        }));
        assertThat(cqp.kind()).isEqualTo(CertificationKind.CQP);
        assertThat(cqp.basis()).isEqualTo(Basis.ABREGE);
        assertThat(cqp.reasons()).first().isEqualTo(
                "abrégé CQP (Certificat de qualification professionnelle) says CQP");

        Classification cqpi = classifier.classify(fiche(raw -> raw.abregeCode = "cqpi"));
        assertThat(cqpi.kind()).isEqualTo(CertificationKind.CQPI);
        assertThat(cqpi.basis()).isEqualTo(Basis.ABREGE);

        Classification byLabel = classifier.classify(
                fiche(raw -> raw.abregeLibelle = "Certificat de qualification professionnelle interbranches"));
        assertThat(byLabel.kind()).isEqualTo(CertificationKind.CQPI);
    }

    @Test
    void theTitleSaysCqpOrCqpi() {
        assertThat(kindOfTitle("CQP Opérateur régleur sur machine-outil à commande numérique"))
                .isEqualTo(CertificationKind.CQP);
        assertThat(kindOfTitle("CQPI Agent logistique")).isEqualTo(CertificationKind.CQPI);
        assertThat(kindOfTitle("Certificat de qualification professionnelle Commis de cuisine"))
                .isEqualTo(CertificationKind.CQP);
        assertThat(kindOfTitle("CERTIFICAT DE QUALIFICATION PROFESSIONNELLE INTERBRANCHES Technicien de"
                + " maintenance industrielle")).isEqualTo(CertificationKind.CQPI);
        assertThat(kindOfTitle("Certificat de qualification technique 1er degré")).isEqualTo(CertificationKind.OTHER);
        assertThat(kindOfTitle("CQPM Technicien")).isEqualTo(CertificationKind.OTHER);
        assertThat(kindOfTitle("Titulaire d'un CQP de la branche")).isEqualTo(CertificationKind.OTHER);

        Classification title = classifier.classify(fiche(raw -> raw.intitule = "CQP Vendeur conseil"));
        assertThat(title.basis()).isEqualTo(Basis.TITLE);
        assertThat(title.reasons()).first().isEqualTo("title 'CQP Vendeur conseil' names a CQP");
    }

    @Test
    void certifiersOfTwoBranchesMakeACqpi() {
        FicheClassifier knowing = new FicheClassifier(CertifierBranches.byName(Map.of(
                "CPNE de l'industrie hôtelière", List.of("1979"),
                "CPNE DE LA RESTAURATION COLLECTIVE", List.of("1266"))));
        Fiche fiche = fiche(raw -> {
            raw.certificateurs.add(certifier("CPNE de l’industrie hôtelière"));
            raw.certificateurs.add(certifier("CPNE de la restauration collective"));
        });

        Classification classification = knowing.classify(fiche);

        assertThat(classification.kind()).isEqualTo(CertificationKind.CQPI);
        assertThat(classification.basis()).isEqualTo(Basis.CERTIFIER);
        assertThat(classification.branchIdccs()).containsExactly("1266", "1979");
        assertThat(classification.reasons()).last()
                .isEqualTo("its certifiers belong to 2 branches (1266, 1979): interbranch");
        // without knowing their branches, two CPNEs are a CQP: the same CPNE is often written two ways
        assertThat(classifier.classify(fiche).kind()).isEqualTo(CertificationKind.CQP);
    }

    @Test
    void theFichesOwnIdccCodesGiveTheCarryingBranchesButNeverMakeACqpi() {
        Classification classification = classifier.classify(fiche(raw -> {
            raw.certificateurs.add(certifier("CPNE des services de l’automobile"));
            raw.idcc.add("1090");
            raw.idcc.add("1951");
        }));

        assertThat(classification.kind()).isEqualTo(CertificationKind.CQP);
        assertThat(classification.branchIdccs()).containsExactly("1090", "1951");
        assertThat(classification.reasons()).last().isEqualTo("carrying branches from CODES_IDCC: 1090, 1951");
    }

    @Test
    void branchBodiesAreRecognisedByTheirNames() {
        assertThat(FicheClassifier.branchBody("CPNEFP de la branche des industries du bois")).isEqualTo("a CPNE");
        assertThat(FicheClassifier.branchBody("COMMISSION NATIONALE PARITAIRE DE L'EMPLOI DE LA METALLURGIE"))
                .isEqualTo("a commission paritaire");
        assertThat(FicheClassifier.branchBody("Association pour le paritarisme dans les cabinets dentaires"))
                .isEqualTo("a joint (paritaire) body");
        assertThat(FicheClassifier.branchBody("Fédération française de football (FFF)")).isNull();
        assertThat(FicheClassifier.branchBody("Syndicat national de l'équipement de cuisine (SNEC)")).isNull();
        assertThat(FicheClassifier.branchBody("Ecole nationale de procédure établissement paritaire privé")).isNull();
        assertThat(FicheClassifier.branchBody("SYNDICAT NATIONAL DE L'INDUSTRIE PHARMACEUTIQUE - CPNVM")).isNull();
    }

    private CertificationKind kindOfTitle(String title) {
        return classifier.classify(fiche(raw -> raw.intitule = title)).kind();
    }

    private static RawFiche.Certificateur certifier(String name) {
        RawFiche.Certificateur certificateur = new RawFiche.Certificateur();
        certificateur.nom = name;
        return certificateur;
    }

    /** A valid fiche with a neutral title and certifier, edited by {@code edit}. */
    static Fiche fiche(Consumer<RawFiche> edit) {
        RawFiche raw = new RawFiche();
        raw.numeroFiche = "RNCP99999";
        raw.intitule = "Opérateur de production";
        raw.actif = "Oui";
        edit.accept(raw);
        try {
            return FicheMapper.map(raw);
        } catch (FicheRejection e) {
            throw new AssertionError(e.reason(), e);
        }
    }
}
