package org.cqpsuite.importer.orders;

import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.cqpsuite.importer.classification.Basis;
import org.cqpsuite.importer.classification.CertificationKind;
import org.cqpsuite.importer.classification.CertifierBranches;
import org.cqpsuite.importer.classification.Classification;
import org.cqpsuite.importer.fiche.Certifier;
import org.cqpsuite.importer.report.ImportReport;
import org.cqpsuite.importer.write.CertificationItem;
import org.cqpsuite.importer.write.ImportOutcome;
import org.cqpsuite.importer.write.RegistrationItem;
import org.cqpsuite.importer.write.SuiteApi;

/**
 * Imports the CQPs registered in the RNCP by official orders: each row becomes a certification keyed by the order and
 * its row ({@link OrderRow#externalReference()}), with its CPNEs mapped to branches ({@link CertifierBranches}), and an
 * RNCP registration without code whose legal basis is the order: from the order's date for the years it gives (the
 * order's date stands for its publication, which the transcription does not give). Such a registration carries no
 * level (decided before 2019). Its transmission is inferred by registration-service (a registered CQP was
 * transmitted). Rows whose CPNEs are not all mapped are rejected, naming the unmapped ones.
 */
public final class OrderImport {

    private final SuiteApi api;
    private final CertifierBranches branches;
    private final ImportReport report;

    public OrderImport(SuiteApi api, CertifierBranches branches, ImportReport report) {
        this.api = api;
        this.branches = branches;
        this.report = report;
    }

    /** Writes every row, the state observed on {@code today} (a registration ended before it is expired). */
    public void run(List<OrderRow> rows, LocalDate today) {
        List<OrderRow> accepted = new ArrayList<>();
        List<CertificationItem> certifications = new ArrayList<>();
        for (OrderRow row : rows) {
            report.recordRead();
            Map<String, String> idccByIssuer = new LinkedHashMap<>();
            List<String> unmapped = new ArrayList<>();
            for (String issuer : row.issuers()) {
                Set<String> idccs = branches.idccsOf(new Certifier(issuer, null));
                if (idccs.isEmpty()) {
                    unmapped.add(issuer);
                } else {
                    idccByIssuer.put(issuer, idccs.iterator().next());
                }
            }
            CertificationKind kind = row.cqpi() ? CertificationKind.CQPI : CertificationKind.CQP;
            Set<String> distinct = new LinkedHashSet<>(idccByIssuer.values());
            report.record(new Classification(row.externalReference(), kind, Basis.ORDER,
                    List.of((row.cqpi() ? "registered as a CQPI" : "registered as a CQP") + " by the order "
                            + row.nor()), List.copyOf(distinct)));
            if (!unmapped.isEmpty()) {
                report.recordRejected(row.externalReference(), "CPNE sans branche connue dans cpne-branches.csv : "
                        + String.join(" ; ", unmapped));
                continue;
            }
            List<CertificationItem.Cpne> cpnes = new ArrayList<>();
            Set<String> seen = new LinkedHashSet<>();
            idccByIssuer.forEach((issuer, idcc) -> {
                if (seen.add(idcc)) {
                    cpnes.add(new CertificationItem.Cpne(issuer, idcc));
                }
            });
            certifications.add(new CertificationItem(null, row.externalReference(), kind.name(), row.title(), cpnes,
                    row.nsfCodes().stream().map(c -> c.toLowerCase(Locale.ROOT)).toList(), List.of(), null));
            accepted.add(row);
        }
        if (accepted.isEmpty()) {
            return;
        }
        List<ImportOutcome> outcomes = api.importCertifications(certifications);
        List<RegistrationItem> registrations = new ArrayList<>();
        List<Integer> index = new ArrayList<>();
        for (int i = 0; i < accepted.size(); i++) {
            ImportOutcome outcome = outcomes.get(i);
            if (outcome.rejected()) {
                report.recordRejected(accepted.get(i).externalReference(),
                        "certification-service : " + String.join(" ; ", outcome.errors()));
                continue;
            }
            OrderRow row = accepted.get(i);
            LocalDate from = row.orderDate();
            LocalDate to = from.plusYears(row.years()).minusDays(1);
            boolean active = !today.isBefore(from) && !today.isAfter(to);
            registrations.add(new RegistrationItem(outcome.id(), certifications.get(i).kind(), "RNCP", null,
                    legalBasis(row), active, "ON_REQUEST", from, from, to, null, null, List.of(), List.of(),
                    List.of()));
            index.add(i);
        }
        List<ImportOutcome> answers = registrations.isEmpty() ? List.of()
                : api.importRegistrations(today, registrations);
        for (int j = 0; j < answers.size(); j++) {
            int i = index.get(j);
            ImportOutcome certification = outcomes.get(i);
            ImportOutcome registration = answers.get(j);
            if (registration.rejected()) {
                report.recordRejected(accepted.get(i).externalReference(), "registration-service (la certification "
                        + "est écrite, pas son enregistrement) : " + String.join(" ; ", registration.errors()));
            } else if (ImportOutcome.CREATED.equals(certification.outcome())) {
                report.recordCreated();
            } else if (ImportOutcome.UPDATED.equals(certification.outcome())
                    || !ImportOutcome.UNCHANGED.equals(registration.outcome())) {
                report.recordUpdated();
            } else {
                report.recordUnchanged();
            }
        }
    }

    /** E.g. {@code Arrêté du 20 janvier 2014 (NOR ETSD1401196A)}. */
    static String legalBasis(OrderRow row) {
        LocalDate d = row.orderDate();
        String month = Month.of(d.getMonthValue()).getDisplayName(TextStyle.FULL, Locale.FRENCH);
        return "Arrêté du " + (d.getDayOfMonth() == 1 ? "1er" : String.valueOf(d.getDayOfMonth())) + " " + month + " "
                + d.getYear() + " (NOR " + row.nor() + ")";
    }
}
