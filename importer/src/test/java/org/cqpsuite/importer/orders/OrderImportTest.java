package org.cqpsuite.importer.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.cqpsuite.importer.report.ImportReport;
import org.cqpsuite.importer.write.CertificationItem;
import org.cqpsuite.importer.write.CertifierBranchesFile;
import org.cqpsuite.importer.write.ImportOutcome;
import org.cqpsuite.importer.write.RegistrationItem;
import org.cqpsuite.importer.write.SuiteApi;
import org.junit.jupiter.api.Test;

/** The 31 CQPs of the 2014 orders (demo-data/legifrance), read and turned into the import endpoints' items. */
class OrderImportTest {

    private static final Path ROOT = Path.of(System.getProperty("cqp.root", "..")).toAbsolutePath().normalize();
    private static final Path ORDERS = ROOT.resolve("demo-data/legifrance/cqp_registered_rncp_arretes_2014.csv");

    @Test
    void theTranscriptionGivesThe31RowsWithTheirOrder() throws Exception {
        List<OrderRow> rows = OrderReader.read(ORDERS);
        assertThat(rows).hasSize(31);
        OrderRow first = rows.get(0);
        assertThat(first.orderDate()).isEqualTo(LocalDate.of(2014, 1, 20));
        assertThat(first.nor()).isEqualTo("ETSD1401196A");
        assertThat(first.position()).isEqualTo(1);
        assertThat(first.title()).isEqualTo("Technicien(ne) de la qualité (CQPI)");
        assertThat(first.cqpi()).isTrue();
        assertThat(first.issuers()).hasSize(4);
        assertThat(first.externalReference()).isEqualTo("arrete-2014-01-20/ETSD1401196A#1");
        // The shared README says 10 CQPIs; the transcription flags 9, each carried by 2 to 5 CPNEs.
        assertThat(rows.stream().filter(OrderRow::cqpi)).hasSize(9).allMatch(r -> r.issuers().size() >= 2);
        OrderRow crepier = rows.stream().filter(r -> r.title().startsWith("Crêpier")).findFirst().orElseThrow();
        assertThat(crepier.nor()).isEqualTo("ETSD1426637A");
        assertThat(crepier.position()).isEqualTo(1);
        assertThat(crepier.nsfCodes()).containsExactly("221", "334");
        assertThat(crepier.years()).isEqualTo(3);
        assertThat(OrderImport.legalBasis(first)).isEqualTo("Arrêté du 20 janvier 2014 (NOR ETSD1401196A)");
        assertThat(OrderReader.recognises(ORDERS)).isTrue();
    }

    @Test
    void everyRowBecomesACertificationWithItsBranchesAndAnExpiredRegistrationWithoutCode() throws Exception {
        Recorder api = new Recorder();
        ImportReport report = new ImportReport("orders");
        new OrderImport(api, CertifierBranchesFile.load(ROOT.resolve("demo-data/cpne-branches.csv")), report)
                .run(OrderReader.read(ORDERS), LocalDate.of(2026, 11, 27));

        assertThat(report.read()).isEqualTo(31);
        assertThat(report.rejections()).isEmpty();
        assertThat(report.created()).isEqualTo(31);
        CertificationItem quality = api.certifications.get(0);
        assertThat(quality.directoryCode()).isNull();
        assertThat(quality.externalReference()).isEqualTo("arrete-2014-01-20/ETSD1401196A#1");
        assertThat(quality.kind()).isEqualTo("CQPI");
        assertThat(quality.cpnes()).extracting(CertificationItem.Cpne::idcc)
                .containsExactly("0018", "0247", "0207", "1580");
        RegistrationItem registration = api.registrations.get(0);
        assertThat(registration.code()).isNull();
        assertThat(registration.legalBasis()).isEqualTo("Arrêté du 20 janvier 2014 (NOR ETSD1401196A)");
        assertThat(registration.effectiveFrom()).isEqualTo(LocalDate.of(2014, 1, 20));
        assertThat(registration.endsOn()).isEqualTo(LocalDate.of(2019, 1, 19));
        assertThat(registration.active()).isFalse();
        assertThat(registration.level()).isNull();
        // Every CQPI has CPNEs of at least two branches.
        for (CertificationItem item : api.certifications) {
            if (item.kind().equals("CQPI")) {
                assertThat(item.cpnes().stream().map(CertificationItem.Cpne::idcc).distinct().count())
                        .as(item.title()).isGreaterThanOrEqualTo(2);
            }
        }
    }

    @Test
    void aRowWithAnUnmappedCpneIsRejectedNamingIt() throws Exception {
        Recorder api = new Recorder();
        ImportReport report = new ImportReport("orders");
        new OrderImport(api, certifier -> java.util.Set.of(), report).run(OrderReader.read(ORDERS),
                LocalDate.of(2026, 11, 27));
        assertThat(report.rejections()).hasSize(31)
                .allSatisfy(r -> assertThat(r.reason()).startsWith("CPNE sans branche connue"));
        assertThat(api.certifications).isEmpty();
    }

    static final class Recorder implements SuiteApi {
        final List<CertificationItem> certifications = new ArrayList<>();
        final List<RegistrationItem> registrations = new ArrayList<>();

        @Override
        public List<ImportOutcome> importCertifications(List<CertificationItem> items) {
            certifications.addAll(items);
            return items.stream().map(i -> new ImportOutcome(null, UUID.randomUUID(), ImportOutcome.CREATED,
                    List.of(), List.of())).toList();
        }

        @Override
        public List<ImportOutcome> importRegistrations(LocalDate exportDate, List<RegistrationItem> items) {
            registrations.addAll(items);
            return items.stream().map(i -> new ImportOutcome(null, UUID.randomUUID(), ImportOutcome.CREATED,
                    List.of(), List.of())).toList();
        }
    }
}
