package org.cqpsuite.importer.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cqpsuite.importer.Exports;
import org.cqpsuite.importer.Samples;
import org.cqpsuite.importer.classification.CertifierBranches;
import org.cqpsuite.importer.classification.Classification;
import org.cqpsuite.importer.classification.FicheClassifier;
import org.cqpsuite.importer.fiche.Fiche;
import org.junit.jupiter.api.Test;

/** What a real fiche becomes for the import endpoints, and what is inferred or left out (and said so). */
class FicheTranslatorTest {

    private static final LocalDate EXPORT_2021 = LocalDate.of(2021, 1, 31);
    private static final Map<String, Fiche> CSV = Samples.acceptedByCode(Exports.open(Samples.CSV_FOLDER));
    private static final Map<String, Fiche> XML = Samples.acceptedByCode(Exports.open(Samples.XML_FOLDER));

    /** The certifier of RNCP31053 (CPNE de l'industrie hôtelière) mapped to HCR, IDCC 1979. */
    private final CertifierBranches hotels = certifier -> certifier.name() != null
            && certifier.name().toLowerCase().contains("hôtel") ? Set.of("1979") : Set.of();

    @Test
    void aCqpOfThe2021CsvGetsItsCpneItsCodesAndAnInferredFirstDay() throws Exception {
        Fiche commis = CSV.get("RNCP31053");
        FicheTranslator.Translation t = translate(commis, hotels, EXPORT_2021);

        assertThat(t.certification().directoryCode()).isEqualTo("RNCP31053");
        assertThat(t.certification().kind()).isEqualTo("CQP");
        assertThat(t.certification().title()).isEqualTo("Commis de cuisine");
        assertThat(t.certification().cpnes()).extracting(CertificationItem.Cpne::idcc).containsExactly("1979");
        RegistrationItem r = t.registration();
        assertThat(r.directory()).isEqualTo("RNCP");
        assertThat(r.active()).isTrue();
        assertThat(r.endsOn()).isEqualTo(LocalDate.of(2023, 7, 21));
        // No start date in the 2021 set: five years before the end, plus a day.
        assertThat(r.effectiveFrom()).isEqualTo(LocalDate.of(2018, 7, 22));
        assertThat(r.decidedOn()).isEqualTo(r.effectiveFrom());
        assertThat(r.level()).isEqualTo(3);
        assertThat(r.registrationType()).isEqualTo("ON_REQUEST");
        assertThat(t.notes()).anySatisfy(n -> assertThat(n).startsWith("premier jour déduit : 2018-07-22"));
    }

    @Test
    void aCqpWithoutAnyKnownBranchIsRefusedWithTheFixToApply() {
        Fiche commis = CSV.get("RNCP31053");
        assertThatThrownBy(() -> translate(commis, CertifierBranches.none(), EXPORT_2021))
                .isInstanceOf(FicheTranslator.UntranslatableFicheException.class)
                .hasMessageContaining("CQP sans branche connue").hasMessageContaining("cpne-branches.csv");
    }

    @Test
    void anActiveFicheEndingMoreThanFiveYearsAfterTheExportStartsNoLaterThanTheExport() throws Exception {
        Fiche active = CSV.values().stream().filter(Fiche::active)
                .filter(f -> f.endDate() != null && f.endDate().isAfter(EXPORT_2021.plusYears(5))).findFirst()
                .orElse(null);
        if (active == null) {
            // Build one from a real fiche: same values, a later end.
            Fiche base = CSV.get("RNCP34486");
            active = new Fiche(base.directory(), base.code(), base.numeroFiche(), base.idFiche(), base.title(),
                    base.abrege(), true, base.etatFiche(), base.registrationType(), null, null,
                    EXPORT_2021.plusYears(6), null, null, base.level(), base.blocks(), base.certifiers(),
                    base.idccCodes(), base.collectiveAgreements(), base.nsfCodes(), base.romeCodes(),
                    base.predecessorCodes(), base.successorCodes(), base.frameworks());
        }
        assertThat(translate(active, certifier -> Set.of("1351"), EXPORT_2021).registration().effectiveFrom())
                .isEqualTo(EXPORT_2021);
    }

    @Test
    void anActiveFicheWhoseEndIsBeforeTheExportIsInForceUntilTheExport() throws Exception {
        Fiche contradictory = CSV.get("RNCP462");
        assertThat(contradictory.active()).isTrue();
        assertThat(contradictory.endDate()).isBefore(EXPORT_2021);
        FicheTranslator.Translation t = translate(contradictory, hotels, EXPORT_2021);
        assertThat(t.registration().endsOn()).isEqualTo(EXPORT_2021);
        assertThat(t.notes()).anySatisfy(n -> assertThat(n).startsWith("fiche active dont la fin"));
    }

    @Test
    void anInactiveFicheWithoutAnyDateGetsItsCertificationOnly() throws Exception {
        Fiche undated = CSV.values().stream().filter(f -> !f.active() && f.endDate() == null
                && f.decisionDate() == null && f.effectiveDate() == null).findFirst().orElseThrow();
        FicheTranslator.Translation t = translate(undated, hotels, EXPORT_2021);
        assertThat(t.registration()).isNull();
        assertThat(t.certification().directoryCode()).isEqualTo(undated.code());
        assertThat(t.notes()).anySatisfy(n -> assertThat(n).startsWith("fiche inactive sans aucune date"));
    }

    @Test
    void anOtherCertificationHasNoCpneAndCodesTheSuiteRefusesAreLeftOut() throws Exception {
        Fiche domains = CSV.get("RNCP31507");
        FicheTranslator.Translation t = translate(domains, hotels, EXPORT_2021);
        assertThat(t.certification().kind()).isEqualTo("OTHER");
        assertThat(t.certification().cpnes()).isEmpty();
        assertThat(domains.romeCodes()).contains("M");
        assertThat(t.certification().romeCodes()).allMatch(code -> code.matches("[A-Z]\\d{4}"));
        assertThat(t.notes()).anySatisfy(n -> assertThat(n).startsWith("code ROME M laissé de côté"));
    }

    @Test
    void anXmlFicheGivesItsDatesAsTheyAreAndItsFrameworks() throws Exception {
        Fiche fiche = XML.values().stream().filter(f -> f.directory().name().equals("RNCP") && !f.blocks().isEmpty()
                && f.effectiveDate() == null && f.decisionDate() != null).findFirst().orElseThrow();
        FicheTranslator.Translation t = translate(fiche, hotels, LocalDate.of(2026, 8, 16));
        assertThat(t.registration().effectiveFrom()).isEqualTo(fiche.decisionDate());
        assertThat(t.registration().decidedOn()).isEqualTo(fiche.decisionDate());
        assertThat(t.registration().blocks()).extracting(RegistrationItem.Block::code)
                .containsExactlyElementsOf(fiche.blocks().stream().map(b -> b.code()).toList());
        @SuppressWarnings("unchecked")
        Map<String, Object> skills = (Map<String, Object>) t.certification().frameworks().get("skills");
        assertThat((List<?>) skills.get("blocks")).isNotEmpty();
        assertThat(t.notes()).noneMatch(n -> n.startsWith("premier jour déduit"));
    }

    @Test
    void freeTextsAreSplitIntoOneItemPerLineEachOnce() {
        assertThat(FicheTranslator.items("A1C1. Évaluer le contexte        A1C2.Apprécier   \n a1c1. évaluer le contexte"))
                .containsExactly("A1C1. Évaluer le contexte", "A1C2.Apprécier");
        assertThat(FicheTranslator.items(null)).isEmpty();
        assertThat(FicheTranslator.items("   ")).isEmpty();
    }

    private static FicheTranslator.Translation translate(Fiche fiche, CertifierBranches branches, LocalDate date)
            throws FicheTranslator.UntranslatableFicheException {
        Classification classification = new FicheClassifier(branches).classify(fiche);
        return new FicheTranslator(branches).translate(fiche, classification, date);
    }
}
