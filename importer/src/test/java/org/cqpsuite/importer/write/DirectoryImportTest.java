package org.cqpsuite.importer.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.cqpsuite.importer.Exports;
import org.cqpsuite.importer.Samples;
import org.cqpsuite.importer.classification.CertifierBranches;
import org.cqpsuite.importer.classification.FicheClassifier;
import org.cqpsuite.importer.report.ImportReport;
import org.junit.jupiter.api.Test;

/**
 * The import's bookkeeping against a fake of the two endpoints that behaves like them (keyed by code: created, then
 * unchanged when the same item comes again, updated when it differs): batches, ids passed from one service to the
 * other, and the report. The real endpoints are exercised by suite-tests' import test.
 */
class DirectoryImportTest {

    private static final LocalDate EXPORT = LocalDate.of(2021, 1, 31);
    private final FakeSuite suite = new FakeSuite();
    private final CertifierBranches branches = certifier -> certifier.name() != null
            && certifier.name().toLowerCase().contains("hôtel") ? java.util.Set.of("1979") : java.util.Set.of();

    @Test
    void theFirstImportCreatesEveryTranslatableFicheInBatchesAndTheSecondChangesNothing() {
        ImportReport first = run(137);
        assertThat(first.read()).isEqualTo(2580);
        long cqpsWithoutBranch = first.rejections().stream()
                .filter(r -> r.reason().contains("sans branche connue")).count();
        assertThat(first.created()).isEqualTo(2580 - first.rejections().size());
        assertThat(first.rejections()).hasSize((int) cqpsWithoutBranch);
        assertThat(suite.certificationBatches).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(137));
        // 732 inactive fiches give no date at all: their certification only.
        assertThat(suite.registrationsByCode).hasSize((int) first.created() - 732);
        // Each registration went to the certification created for its fiche.
        suite.registrationsByCode.forEach((code, item) ->
                assertThat(item.certificationId()).isEqualTo(suite.certificationIds.get(code)));

        ImportReport second = run(500);
        assertThat(second.created()).isZero();
        assertThat(second.updated()).isZero();
        assertThat(second.unchanged()).isEqualTo(first.created());
    }

    @Test
    void aRejectedRegistrationIsReportedWithItsServiceAndReason() {
        suite.refuseRegistration = "RNCP31053";
        ImportReport report = run(500);
        assertThat(report.rejections()).anySatisfy(r -> {
            assertThat(r.ficheNumber()).isEqualTo("RNCP31053");
            assertThat(r.reason()).startsWith("registration-service").contains("items[");
        });
    }

    @Test
    void theNextBatchsCertificationsAreWrittenWhileThePreviousBatchsRegistrationsAreRecorded() {
        // One request at a time, for the batches and the report to compare with.
        ImportReport sequential = new ImportReport("sequential");
        FakeSuite fresh = new FakeSuite();
        new DirectoryImport(fresh, new FicheClassifier(branches), new FicheTranslator(branches), sequential, 500,
                false).run(Exports.open(Samples.CSV_FOLDER), EXPORT, progress());

        OverlapSuite overlapping = new OverlapSuite(fresh.certificationBatches.size());
        ImportReport report = new ImportReport("overlap");
        new DirectoryImport(overlapping, new FicheClassifier(branches), new FicheTranslator(branches), report, 500,
                false).run(Exports.open(Samples.CSV_FOLDER), EXPORT, progress());

        // Each registration batch but the last one was answered only after the next certification batch was sent.
        assertThat(overlapping.overlapped.get()).isEqualTo(fresh.certificationBatches.size() - 1);
        assertThat(overlapping.maxRegistrationsInFlight).isEqualTo(1);
        assertThat(report.read()).isEqualTo(sequential.read());
        assertThat(report.created()).isEqualTo(sequential.created());
        assertThat(report.unchanged()).isEqualTo(sequential.unchanged());
        assertThat(report.rejections()).hasSameSizeAs(sequential.rejections());
        assertThat(overlapping.registrationsByCode).hasSameSizeAs(fresh.registrationsByCode);
    }

    @Test
    void aServiceFailureStopsTheImportAfterReportingTheBatchesWritten() {
        FakeSuite failing = new FakeSuite() {
            @Override
            public List<ImportOutcome> importCertifications(List<CertificationItem> items) {
                if (certificationBatches.size() == 2) {
                    throw new HttpSuiteApi.SuiteApiException("certification-service answered 500");
                }
                return super.importCertifications(items);
            }
        };
        ImportReport report = new ImportReport("failing");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DirectoryImport(failing,
                new FicheClassifier(branches), new FicheTranslator(branches), report, 500, false)
                .run(Exports.open(Samples.CSV_FOLDER), EXPORT, progress()))
                .isInstanceOf(HttpSuiteApi.SuiteApiException.class);
        // The two batches written before the failure are reported, registrations included.
        assertThat(failing.certifications).hasSize(1000);
        assertThat(report.created()).isEqualTo(1000);
    }

    @Test
    void aDryRunWritesNothing() {
        ImportReport report = new ImportReport("dry");
        new DirectoryImport(suite, new FicheClassifier(branches), new FicheTranslator(branches), report, 500, true)
                .run(Exports.open(Samples.CSV_FOLDER), EXPORT, progress());
        assertThat(report.read()).isEqualTo(2580);
        assertThat(suite.certificationBatches).isEmpty();
    }

    private ImportReport run(int batchSize) {
        ImportReport report = new ImportReport("test");
        new DirectoryImport(suite, new FicheClassifier(branches), new FicheTranslator(branches), report, batchSize,
                false).run(Exports.open(Samples.CSV_FOLDER), EXPORT, progress());
        return report;
    }

    private static Progress progress() {
        return new Progress(new PrintStream(new ByteArrayOutputStream()), 2580);
    }

    /**
     * A suite whose registration endpoint answers a batch only once the next certification batch was sent (the last
     * one at once): an importer waiting for the registrations before sending the next batch would never get there.
     */
    static final class OverlapSuite extends FakeSuite {
        private final int batches;
        private final java.util.concurrent.atomic.AtomicInteger registrationsInFlight =
                new java.util.concurrent.atomic.AtomicInteger();
        private final java.util.concurrent.atomic.AtomicInteger certificationCalls =
                new java.util.concurrent.atomic.AtomicInteger();
        private int registrationCalls;
        final java.util.concurrent.atomic.AtomicInteger overlapped = new java.util.concurrent.atomic.AtomicInteger();
        volatile int maxRegistrationsInFlight;

        OverlapSuite(int batches) {
            this.batches = batches;
        }

        @Override
        public List<ImportOutcome> importCertifications(List<CertificationItem> items) {
            List<ImportOutcome> outcomes = super.importCertifications(items);
            synchronized (this) {
                certificationCalls.incrementAndGet();
                notifyAll();
            }
            return outcomes;
        }

        @Override
        public List<ImportOutcome> importRegistrations(LocalDate exportDate, List<RegistrationItem> items) {
            maxRegistrationsInFlight = Math.max(maxRegistrationsInFlight, registrationsInFlight.incrementAndGet());
            try {
                int batch = ++registrationCalls;
                if (batch < batches) {
                    synchronized (this) {
                        // Not a timing assertion: a bound so that a sequential importer fails instead of hanging.
                        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
                        while (certificationCalls.get() <= batch && System.nanoTime() < deadline) {
                            wait(1000);
                        }
                    }
                    if (certificationCalls.get() > batch) {
                        overlapped.incrementAndGet();
                    }
                }
                return super.importRegistrations(exportDate, items);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                registrationsInFlight.decrementAndGet();
            }
        }
    }

    /** Keyed by directory code like the real endpoints; remembers what it was sent. */
    static class FakeSuite implements SuiteApi {
        final List<Integer> certificationBatches = new ArrayList<>();
        final Map<String, UUID> certificationIds = new HashMap<>();
        final Map<String, CertificationItem> certifications = new HashMap<>();
        final Map<String, RegistrationItem> registrationsByCode = new HashMap<>();
        String refuseRegistration;

        @Override
        public List<ImportOutcome> importCertifications(List<CertificationItem> items) {
            certificationBatches.add(items.size());
            List<ImportOutcome> outcomes = new ArrayList<>();
            for (CertificationItem item : items) {
                CertificationItem before = certifications.put(item.directoryCode(), item);
                UUID id = certificationIds.computeIfAbsent(item.directoryCode(), c -> UUID.randomUUID());
                outcomes.add(new ImportOutcome(item.directoryCode(), id, before == null ? ImportOutcome.CREATED
                        : before.equals(item) ? ImportOutcome.UNCHANGED : ImportOutcome.UPDATED, List.of(), List.of()));
            }
            return outcomes;
        }

        @Override
        public List<ImportOutcome> importRegistrations(LocalDate exportDate, List<RegistrationItem> items) {
            List<ImportOutcome> outcomes = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                RegistrationItem item = items.get(i);
                if (item.code().equals(refuseRegistration)) {
                    outcomes.add(new ImportOutcome(item.code(), null, ImportOutcome.REJECTED, List.of(),
                            List.of("items[" + i + "].code: refused (test)")));
                    continue;
                }
                RegistrationItem before = registrationsByCode.put(item.code(), item);
                outcomes.add(new ImportOutcome(item.code(), UUID.randomUUID(), before == null ? ImportOutcome.CREATED
                        : Objects.equals(before, item) ? ImportOutcome.UNCHANGED : ImportOutcome.UPDATED, List.of(),
                        List.of()));
            }
            return outcomes;
        }
    }
}
