package org.cqpsuite.importer.write;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

    private record Pending(Fiche fiche, FicheTranslator.Translation translation) {
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
                flush(exportDate);
            }
            progress.update(done);
        }
        flush(exportDate);
        source.warnings().forEach(report::recordWarning);
        notes.forEach((note, count) -> report.recordWarning(String.format("%,d fiche(s) : %s", count, note)));
        progress.finish(done);
    }

    private void flush(LocalDate exportDate) {
        if (pending.isEmpty()) {
            return;
        }
        if (dryRun) {
            done += pending.size();
            pending.clear();
            return;
        }
        List<ImportOutcome> certifications = api.importCertifications(
                pending.stream().map(p -> p.translation().certification()).toList());
        check(certifications.size(), "certification-service");
        List<RegistrationItem> registrations = new ArrayList<>();
        List<Integer> registered = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            ImportOutcome certification = certifications.get(i);
            if (certification.rejected()) {
                report.recordRejected(pending.get(i).fiche().code(),
                        "certification-service : " + String.join(" ; ", certification.errors()));
                continue;
            }
            RegistrationItem registration = pending.get(i).translation().registration();
            if (registration == null) {
                count(certification.outcome());
                continue;
            }
            registrations.add(registration.forCertification(certification.id()));
            registered.add(i);
        }
        List<ImportOutcome> answers = registrations.isEmpty() ? List.of()
                : api.importRegistrations(exportDate, registrations);
        if (answers.size() != registrations.size()) {
            throw new HttpSuiteApi.SuiteApiException("registration-service did not answer one result per item");
        }
        for (int j = 0; j < answers.size(); j++) {
            int i = registered.get(j);
            ImportOutcome certification = certifications.get(i);
            ImportOutcome registration = answers.get(j);
            if (registration.rejected()) {
                report.recordRejected(pending.get(i).fiche().code(), "registration-service (la certification est "
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
        done += pending.size();
        pending.clear();
    }

    private void count(String outcome) {
        switch (outcome) {
            case ImportOutcome.CREATED -> report.recordCreated();
            case ImportOutcome.UPDATED -> report.recordUpdated();
            default -> report.recordUnchanged();
        }
    }

    private void check(int answered, String service) {
        if (answered != pending.size()) {
            throw new HttpSuiteApi.SuiteApiException(service + " did not answer one result per item");
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
