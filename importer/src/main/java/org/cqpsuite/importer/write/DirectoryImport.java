package org.cqpsuite.importer.write;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.cqpsuite.importer.classification.Classification;
import org.cqpsuite.importer.classification.FicheClassifier;
import org.cqpsuite.importer.fiche.Fiche;
import org.cqpsuite.importer.fiche.FicheResult;
import org.cqpsuite.importer.fiche.FicheSource;
import org.cqpsuite.importer.report.ImportReport;

/**
 * Reads an export and writes it through the suite's import endpoints, batch by batch: first the certifications (so
 * that each fiche has its certification id), then their registrations. Each service applies each item in its own
 * transaction and answers what it did, so an import can be re-run at any time: what did not change is left alone and
 * publishes no event.
 *
 * <p>A fiche counts as created when its certification was created, updated when its certification or its registration
 * changed, unchanged when neither did, rejected when either service refused it (the reason names which). A rejected
 * registration leaves its certification written: each is whole in its own service, and the next import completes it.
 *
 * <p>Two requests are in flight at most, one per service: while registration-service records a batch's
 * registrations (on a thread of its own), certification-service already writes the next batch's certifications.
 * Registration batches still go one after the other, in the export's order, and the report is written from this
 * thread, batch after batch, as if they had not overlapped.
 */
public final class DirectoryImport {

    private final SuiteApi api;
    private final FicheClassifier classifier;
    private final FicheTranslator translator;
    private final ImportReport report;
    private final int batchSize;
    private final boolean dryRun;
    private final Map<String, Integer> notes = new TreeMap<>();
    private final List<Pending> pending = new ArrayList<>();
    private long done;
    /** The registrations of the previous batch, in flight; {@code null} when none. */
    private InFlight inFlight;

    private record Pending(Fiche fiche, FicheTranslator.Translation translation) {
    }

    /**
     * A batch whose certifications are written and whose registrations are being recorded: what is needed to report
     * it once registration-service answers.
     */
    private record InFlight(List<Pending> batch, List<ImportOutcome> certifications, List<Integer> registered,
            int sent, CompletableFuture<List<ImportOutcome>> answers) {
    }

    public DirectoryImport(SuiteApi api, FicheClassifier classifier, FicheTranslator translator, ImportReport report,
            int batchSize, boolean dryRun) {
        if (batchSize < 1 || batchSize > 500) {
            throw new IllegalArgumentException("The batch size is 1 to 500 (the services' limit), got " + batchSize);
        }
        this.api = api;
        this.classifier = classifier;
        this.translator = translator;
        this.report = report;
        this.batchSize = batchSize;
        this.dryRun = dryRun;
    }

    /** Reads every fiche of {@code source} and writes it; {@code progress} sees the count of fiches done. */
    public void run(FicheSource source, LocalDate exportDate, Progress progress) {
        ExecutorService registrations = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "import-registrations");
            thread.setDaemon(true);
            return thread;
        });
        try {
            read(source, exportDate, progress, registrations);
        } finally {
            registrations.shutdownNow();
        }
    }

    private void read(FicheSource source, LocalDate exportDate, Progress progress, ExecutorService registrations) {
        while (source.hasNext()) {
            FicheResult result = source.next();
            report.record(result);
            if (result instanceof FicheResult.Accepted accepted) {
                Fiche fiche = accepted.fiche();
                Classification classification = classifier.classify(fiche);
                report.record(classification);
                try {
                    FicheTranslator.Translation translation = translator.translate(fiche, classification, exportDate);
                    translation.notes().forEach(note -> notes.merge(kindOf(note), 1, Integer::sum));
                    pending.add(new Pending(fiche, translation));
                } catch (FicheTranslator.UntranslatableFicheException e) {
                    report.recordRejected(fiche.code(), e.getMessage());
                    done++;
                }
            } else {
                done++;
            }
            if (pending.size() >= batchSize) {
                flush(exportDate, registrations);
            }
            progress.update(done);
        }
        flush(exportDate, registrations);
        finishInFlight();
        source.warnings().forEach(report::recordWarning);
        notes.forEach((note, count) -> report.recordWarning(String.format("%,d fiche(s) : %s", count, note)));
        progress.finish(done);
    }

    /**
     * Writes the pending fiches' certifications, then reports the previous batch (waiting for its registrations) and
     * sends this batch's registrations, without waiting for them.
     */
    private void flush(LocalDate exportDate, ExecutorService registrationThread) {
        if (pending.isEmpty()) {
            return;
        }
        if (dryRun) {
            done += pending.size();
            pending.clear();
            return;
        }
        List<Pending> batch = List.copyOf(pending);
        pending.clear();
        List<ImportOutcome> certifications;
        try {
            certifications = api.importCertifications(batch.stream().map(p -> p.translation().certification())
                    .toList());
        } catch (RuntimeException e) {
            // The import stops: the previous batch is still reported as it was written.
            finishInFlightQuietly();
            throw e;
        }
        if (certifications.size() != batch.size()) {
            finishInFlightQuietly();
            throw new HttpSuiteApi.SuiteApiException("certification-service did not answer one result per item");
        }
        List<RegistrationItem> registrations = new ArrayList<>();
        List<Integer> registered = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            ImportOutcome certification = certifications.get(i);
            if (certification.rejected()) {
                continue;
            }
            RegistrationItem registration = batch.get(i).translation().registration();
            if (registration != null) {
                registrations.add(registration.forCertification(certification.id()));
                registered.add(i);
            }
        }
        // One registration batch at a time, in order: the previous one is answered before this one is sent.
        finishInFlight();
        CompletableFuture<List<ImportOutcome>> answers = registrations.isEmpty()
                ? CompletableFuture.completedFuture(List.of())
                : CompletableFuture.supplyAsync(() -> api.importRegistrations(exportDate, registrations),
                        registrationThread);
        inFlight = new InFlight(batch, certifications, registered, registrations.size(), answers);
    }

    /** Waits for the registrations in flight, if any, and reports their batch. */
    private void finishInFlight() {
        InFlight batch = inFlight;
        if (batch == null) {
            return;
        }
        inFlight = null;
        List<ImportOutcome> answers;
        try {
            answers = batch.answers().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
        report(batch, answers);
    }

    private void finishInFlightQuietly() {
        try {
            finishInFlight();
        } catch (RuntimeException e) {
            // the import stops for the error being thrown; this one is the same service's or a consequence
        }
    }

    private void report(InFlight batch, List<ImportOutcome> answers) {
        if (answers.size() != batch.sent()) {
            throw new HttpSuiteApi.SuiteApiException("registration-service did not answer one result per item");
        }
        List<Pending> fiches = batch.batch();
        List<ImportOutcome> certifications = batch.certifications();
        java.util.Map<Integer, ImportOutcome> registrationOf = new java.util.HashMap<>();
        for (int j = 0; j < answers.size(); j++) {
            registrationOf.put(batch.registered().get(j), answers.get(j));
        }
        for (int i = 0; i < fiches.size(); i++) {
            ImportOutcome certification = certifications.get(i);
            if (certification.rejected()) {
                report.recordRejected(fiches.get(i).fiche().code(),
                        "certification-service : " + String.join(" ; ", certification.errors()));
                continue;
            }
            ImportOutcome registration = registrationOf.get(i);
            if (registration == null) {
                count(certification.outcome());
            } else if (registration.rejected()) {
                report.recordRejected(fiches.get(i).fiche().code(), "registration-service (la certification est "
                        + "écrite, pas son enregistrement) : " + String.join(" ; ", registration.errors()));
            } else if (ImportOutcome.CREATED.equals(certification.outcome())) {
                report.recordCreated();
            } else if (ImportOutcome.UPDATED.equals(certification.outcome())
                    || !ImportOutcome.UNCHANGED.equals(registration.outcome())) {
                report.recordUpdated();
            } else {
                report.recordUnchanged();
            }
        }
        done += fiches.size();
    }

    private void count(String outcome) {
        switch (outcome) {
            case ImportOutcome.CREATED -> report.recordCreated();
            case ImportOutcome.UPDATED -> report.recordUpdated();
            default -> report.recordUnchanged();
        }
    }

    /** A note without its fiche-specific details, to count notes of the same kind together. */
    static String kindOf(String note) {
        int colon = note.indexOf(" : ");
        int paren = note.indexOf(" (");
        int cut = colon < 0 ? paren : paren < 0 ? colon : Math.min(colon, paren);
        String kind = cut < 0 ? note : note.substring(0, cut);
        return kind.replaceAll("code (NSF|ROME) \\S+", "code $1");
    }
}
