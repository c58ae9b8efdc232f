package org.cqpsuite.importer.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.cqpsuite.importer.classification.Basis;
import org.cqpsuite.importer.classification.CertificationKind;
import org.cqpsuite.importer.classification.Classification;
import org.cqpsuite.importer.fiche.FicheResult;

/**
 * Accumulates what an import did, and renders it for people. The reading side records what it read, rejected and how
 * it classified each fiche; the writing side records what it created, updated or left unchanged (and may reject too,
 * e.g. when a service refuses a fiche). Safe to fill from several threads.
 */
public final class ImportReport {

    /** A fiche that was not imported, and why. */
    public record Rejection(String ficheNumber, String reason, String location) {

        public Rejection {
            Objects.requireNonNull(reason, "reason");
        }
    }

    private final String source;
    private long read;
    private long created;
    private long updated;
    private long unchanged;
    private final List<Rejection> rejections = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final Map<CertificationKind, Map<Basis, Long>> counts = new EnumMap<>(CertificationKind.class);
    /** CQP and CQPI classifications one by one: a few hundred in the whole RNCP, and each deserves a line. */
    private final Map<String, Classification> cqps = new TreeMap<>();
    // Every fiche's classification, one short line each, for the report file (a full export: ~100 000 lines).
    private final java.util.List<String> classifications = new java.util.ArrayList<>();

    /** @param source what is imported, e.g. the file or folder name, for the summary's first line */
    public ImportReport(String source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    /** Counts a fiche read from the export; records it as rejected when it is. */
    public synchronized void record(FicheResult result) {
        read++;
        if (result instanceof FicheResult.Rejected rejected) {
            rejections.add(new Rejection(rejected.ficheNumber(), rejected.reason(), rejected.location()));
        }
    }

    /** Records how an accepted fiche was classified. */
    public synchronized void record(Classification classification) {
        counts.computeIfAbsent(classification.kind(), kind -> new EnumMap<>(Basis.class))
                .merge(classification.basis(), 1L, Long::sum);
        if (classification.kind() != CertificationKind.OTHER) {
            cqps.put(classification.code(), classification);
        }
        classifications.add(classification.code() + ";" + classification.kind() + ";" + classification.basis().label()
                + ";" + classification.reason().replace('\n', ' ').replace(';', ','));
    }

    /**
     * The report followed by how each fiche was classified, one line each ({@code code;kind;basis;reasons}): what
     * {@code --report FILE} writes.
     */
    public synchronized String renderWithClassifications() {
        StringBuilder out = new StringBuilder(render());
        out.append("Classification of each fiche (code;kind;basis;reasons)\n");
        for (String line : classifications) {
            out.append("  ").append(line).append('\n');
        }
        return out.toString();
    }

    /** The writing side created a fiche's certification or registration. */
    /** Counts one record read that is not a directory fiche (a row of an official order). */
    public synchronized void recordRead() {
        read++;
    }

    public synchronized void recordCreated() {
        created++;
    }

    /** The writing side changed a fiche's existing certification or registration. */
    public synchronized void recordUpdated() {
        updated++;
    }

    /** The writing side found a fiche already up to date. */
    public synchronized void recordUnchanged() {
        unchanged++;
    }

    /** A fiche read correctly but refused when written (e.g. by a service's rules). */
    public synchronized void recordRejected(String ficheNumber, String reason) {
        rejections.add(new Rejection(ficheNumber, reason, null));
    }

    /** A problem outside any single fiche that did not stop the import (see {@code FicheSource#warnings()}). */
    public synchronized void recordWarning(String warning) {
        warnings.add(warning);
    }

    public synchronized long read() {
        return read;
    }

    public synchronized long created() {
        return created;
    }

    public synchronized long updated() {
        return updated;
    }

    public synchronized long unchanged() {
        return unchanged;
    }

    public synchronized List<Rejection> rejections() {
        return List.copyOf(rejections);
    }

    public synchronized List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** How many fiches were classified as {@code kind}. */
    public synchronized long count(CertificationKind kind) {
        return counts.getOrDefault(kind, Map.of()).values().stream().mapToLong(Long::longValue).sum();
    }

    /** How many fiches were classified as {@code kind} on {@code basis}. */
    public synchronized long count(CertificationKind kind, Basis basis) {
        return counts.getOrDefault(kind, Map.of()).getOrDefault(basis, 0L);
    }

    /** The CQP and CQPI classifications, by fiche code. */
    public synchronized Map<String, Classification> cqpClassifications() {
        return Map.copyOf(cqps);
    }

    /** A summary for people: the counts, the classification by kind and evidence, each CQP/CQPI, each rejection. */
    public synchronized String render() {
        StringBuilder out = new StringBuilder();
        out.append("Import of ").append(source).append('\n');
        out.append(String.format("  fiches read   %8d%n", read));
        out.append(String.format("  created       %8d%n", created));
        out.append(String.format("  updated       %8d%n", updated));
        out.append(String.format("  unchanged     %8d%n", unchanged));
        out.append(String.format("  rejected      %8d%n", rejections.size()));
        out.append("Classification\n");
        for (CertificationKind kind : CertificationKind.values()) {
            out.append(String.format("  %-5s %8d%n", kind, count(kind)));
            for (Map.Entry<Basis, Long> basis : counts.getOrDefault(kind, Map.of()).entrySet()) {
                out.append(String.format("        %8d  %s%n", basis.getValue(), basis.getKey().label()));
            }
        }
        if (!cqps.isEmpty()) {
            out.append("CQP and CQPI fiches\n");
            for (Classification classification : cqps.values()) {
                out.append("  ").append(classification.code()).append("  ").append(classification.kind())
                        .append(": ").append(classification.reason()).append('\n');
            }
        }
        if (!rejections.isEmpty()) {
            out.append("Rejected fiches\n");
            for (Rejection rejection : rejections) {
                out.append("  ").append(rejection.ficheNumber() == null ? "(no fiche number)" : rejection.ficheNumber())
                        .append(rejection.location() == null ? "" : " (" + rejection.location() + ")")
                        .append(": ").append(rejection.reason()).append('\n');
            }
        }
        if (!warnings.isEmpty()) {
            out.append("Warnings\n");
            for (String warning : warnings) {
                out.append("  ").append(warning).append('\n');
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return render();
    }
}
