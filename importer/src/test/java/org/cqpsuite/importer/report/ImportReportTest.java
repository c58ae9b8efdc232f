package org.cqpsuite.importer.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.cqpsuite.importer.Samples;
import org.cqpsuite.importer.classification.Basis;
import org.cqpsuite.importer.classification.CertificationKind;
import org.cqpsuite.importer.classification.Classification;
import org.cqpsuite.importer.classification.FicheClassifier;
import org.cqpsuite.importer.csv.CsvFicheReader;
import org.cqpsuite.importer.fiche.Directory;
import org.cqpsuite.importer.fiche.Fiche;
import org.cqpsuite.importer.fiche.FicheResult;
import org.cqpsuite.importer.fiche.FicheSource;
import org.junit.jupiter.api.Test;

class ImportReportTest {

    @Test
    void countsAndRendersWhatTheReadingAndTheWritingSidesRecorded() {
        ImportReport report = new ImportReport("export_fiches_RNCP_V4_1_2026-08-16.xml");
        report.record(new FicheResult.Rejected("RNCP101", "DATE_FIN_ENREGISTREMENT '31/02/2024' is not a valid"
                + " JJ/MM/AAAA date", "export.xml line 12"));
        report.record(new FicheResult.Rejected(null, "NUMERO_FICHE missing", "export.xml line 40"));
        report.record(new Classification("RNCP31053", CertificationKind.CQP, Basis.CERTIFIER,
                List.of("certifier 'CPNE-IH' is a CPNE"), List.of("1979")));
        report.record(new Classification("RNCP1", CertificationKind.OTHER, Basis.NONE, List.of("no CQP evidence"),
                List.of()));
        report.record(new Classification("RNCP2", CertificationKind.OTHER, Basis.NONE, List.of("no CQP evidence"),
                List.of()));
        report.record(new Classification("RNCP3", CertificationKind.CQPI, Basis.ABREGE,
                List.of("abrégé CQPI says CQPI"), List.of()));
        Fiche accepted = new Fiche(Directory.RNCP, "RNCP1", "RNCP1", null, "Titre", null, true, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        IntStream.range(0, 4).forEach(i -> report.record(new FicheResult.Accepted(accepted, "export.xml line " + i)));
        report.recordCreated();
        report.recordCreated();
        report.recordUpdated();
        report.recordUnchanged();
        report.recordRejected("RNCP2", "certification-service: IDCC 9999 is not a known branch");
        report.recordWarning("export_fiches_CSV_Nsf_2021_01_31.csv: rows for 1 fiche(s) absent from the Standard"
                + " part ignored, e.g. RNCP999");

        assertThat(report.read()).isEqualTo(6);
        assertThat(report.created()).isEqualTo(2);
        assertThat(report.updated()).isEqualTo(1);
        assertThat(report.unchanged()).isEqualTo(1);
        assertThat(report.rejections()).hasSize(3).first().isEqualTo(new ImportReport.Rejection("RNCP101",
                "DATE_FIN_ENREGISTREMENT '31/02/2024' is not a valid JJ/MM/AAAA date", "export.xml line 12"));
        assertThat(report.count(CertificationKind.OTHER)).isEqualTo(2);
        assertThat(report.count(CertificationKind.CQP, Basis.CERTIFIER)).isEqualTo(1);
        assertThat(report.count(CertificationKind.CQP, Basis.ABREGE)).isZero();
        assertThat(report.cqpClassifications()).containsOnlyKeys("RNCP31053", "RNCP3");

        assertThat(report.render()).isEqualTo("""
                Import of export_fiches_RNCP_V4_1_2026-08-16.xml
                  fiches read          6
                  created              2
                  updated              1
                  unchanged            1
                  rejected             3
                Classification
                  CQP          1
                               1  certifier is a branch body
                  CQPI         1
                               1  abrégé CQP/CQPI
                  OTHER        2
                               2  no CQP evidence
                CQP and CQPI fiches
                  RNCP3  CQPI: abrégé CQPI says CQPI
                  RNCP31053  CQP: certifier 'CPNE-IH' is a CPNE
                Rejected fiches
                  RNCP101 (export.xml line 12): DATE_FIN_ENREGISTREMENT '31/02/2024' is not a valid JJ/MM/AAAA date
                  (no fiche number) (export.xml line 40): NUMERO_FICHE missing
                  RNCP2: certification-service: IDCC 9999 is not a known branch
                Warnings
                  export_fiches_CSV_Nsf_2021_01_31.csv: rows for 1 fiche(s) absent from the Standard part ignored, e.g.\
                 RNCP999
                """);
    }

    @Test
    void theReadingSideOfAnImportOfThe2021Set() {
        ImportReport report = new ImportReport("csv-2021-01");
        FicheClassifier classifier = new FicheClassifier();
        try (FicheSource source = new CsvFicheReader().open(Samples.CSV_FOLDER)) {
            source.forEachRemaining(result -> {
                report.record(result);
                if (result instanceof FicheResult.Accepted accepted) {
                    report.record(classifier.classify(accepted.fiche()));
                }
            });
            source.warnings().forEach(report::recordWarning);
        }

        assertThat(report.read()).isEqualTo(2580);
        assertThat(report.rejections()).isEmpty();
        assertThat(report.count(CertificationKind.CQP)).isEqualTo(report.cqpClassifications().size());
        assertThat(report.count(CertificationKind.CQP) + report.count(CertificationKind.CQPI)
                + report.count(CertificationKind.OTHER)).isEqualTo(2580);
        Map<String, Classification> cqps = report.cqpClassifications();
        assertThat(cqps).containsKeys("RNCP31053", "RNCP34486");
        assertThat(report.render()).contains("  RNCP31053  CQP: certifier 'Commission paritaire nationale de l'emploi"
                + " de l'industrie hôtelière (CPNE-IH) - CERTIDEV' is a CPNE; carrying branches unknown");
    }

    @org.junit.jupiter.api.Test
    void theReportFileSaysHowEachFicheWasClassified() {
        ImportReport report = new ImportReport("test");
        org.cqpsuite.importer.classification.FicheClassifier classifier =
                new org.cqpsuite.importer.classification.FicheClassifier();
        try (org.cqpsuite.importer.fiche.FicheSource source = org.cqpsuite.importer.Exports.open(
                org.cqpsuite.importer.Samples.CSV_FOLDER)) {
            while (source.hasNext()) {
                if (source.next() instanceof org.cqpsuite.importer.fiche.FicheResult.Accepted accepted) {
                    report.record(classifier.classify(accepted.fiche()));
                }
            }
        }
        String file = report.renderWithClassifications();
        org.assertj.core.api.Assertions.assertThat(file.lines().filter(l -> l.matches("  RNCP\\d+;(CQP|CQPI|OTHER);.*")))
                .hasSize(2580);
        org.assertj.core.api.Assertions.assertThat(file).contains("  RNCP181;OTHER;no CQP evidence;")
                .contains("  RNCP31053;CQP;certifier is a branch body;");
    }
}
