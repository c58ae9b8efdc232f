package org.cqpsuite.importer;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cqpsuite.importer.classification.CertifierBranches;
import org.cqpsuite.importer.classification.FicheClassifier;
import org.cqpsuite.importer.fiche.ExportFormatException;
import org.cqpsuite.importer.fiche.FicheSource;
import org.cqpsuite.importer.orders.OrderImport;
import org.cqpsuite.importer.orders.OrderReader;
import org.cqpsuite.importer.orders.OrderRow;
import org.cqpsuite.importer.report.ImportReport;
import org.cqpsuite.importer.write.CertifierBranchesFile;
import org.cqpsuite.importer.write.DirectoryImport;
import org.cqpsuite.importer.write.FicheTranslator;
import org.cqpsuite.importer.write.HttpSuiteApi;
import org.cqpsuite.importer.write.Progress;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./suite import PATH}: imports an official RNCP/RS export (XML V4.1 or CSV, file, folder or zip) into a
 * running suite through its import endpoints, with a progress line and a final report. Exit code 0 when the export
 * was read to its end (rejected fiches are in the report), 1 when the import stopped (a broken export, a service
 * that refused a batch), 2 for a usage error.
 */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Imports France compétences' RNCP/RS export (XML V4.1 or official CSV; a file, a folder or a "
                + "zip) into the running suite: certifications into certification-service, registrations into "
                + "registration-service; re-running it changes only what changed.")
public final class ImportCommand implements Callable<Integer> {

    private static final Pattern DATE_IN_NAME = Pattern.compile("(20\\d{2})[-_](\\d{2})[-_](\\d{2})");

    @Parameters(index = "0", paramLabel = "PATH", description = "The export: an XML file, a folder, or a zip.")
    Path path;

    @Option(names = "--export-date", paramLabel = "YYYY-MM-DD",
            description = "The day of the export (default: the date in the file or folder name).")
    LocalDate exportDate;

    @Option(names = "--cpne-branches", paramLabel = "CSV",
            description = "CPNE → branch table (name;idcc;...) giving the branches of CQP certifiers.")
    Path cpneBranches;

    @Option(names = "--certification-url", defaultValue = "${env:CQP_CERTIFICATION_URL:-http://127.0.0.1:8081}",
            description = "certification-service (default: ${DEFAULT-VALUE}).")
    URI certificationUrl;

    @Option(names = "--registration-url", defaultValue = "${env:CQP_REGISTRATION_URL:-http://127.0.0.1:8082}",
            description = "registration-service (default: ${DEFAULT-VALUE}).")
    URI registrationUrl;

    @Option(names = "--token", defaultValue = "${env:CQP_TOKEN}", paramLabel = "JWT",
            description = "An admin token (default: $CQP_TOKEN; ./suite import passes one).")
    String token;

    @Option(names = "--batch-size", defaultValue = "500", description = "Fiches per request, 1 to 500.")
    int batchSize;

    @Option(names = "--dry-run", description = "Read, classify and map the fiches without writing anything.")
    boolean dryRun;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write the report to this file, with how each fiche was classified and why.")
    Path reportFile;

    private final PrintStream out;
    private final PrintStream err;

    public ImportCommand() {
        this(System.out, System.err);
    }

    ImportCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new ImportCommand()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        if (!Files.exists(path)) {
            err.println("import: no such file or folder: " + path);
            return 2;
        }
        if (OrderReader.recognises(path)) {
            return importOrders();
        }
        LocalDate date = exportDate != null ? exportDate : dateInName(path);
        if (date == null) {
            err.println("import: the export date is not in the name of " + path + "; give --export-date YYYY-MM-DD");
            return 2;
        }
        if (!dryRun && (token == null || token.isBlank())) {
            err.println("import: an admin token is needed: --token or CQP_TOKEN (./suite import passes one)");
            return 2;
        }
        CertifierBranches branches = cpneBranches == null ? CertifierBranches.none()
                : CertifierBranchesFile.load(cpneBranches);
        ImportReport report = new ImportReport(path + " (export of " + date + ")");
        DirectoryImport run = new DirectoryImport(
                new HttpSuiteApi(certificationUrl, registrationUrl, token), new FicheClassifier(branches),
                new FicheTranslator(branches), report, batchSize, dryRun);
        err.println("Importing " + path + " (export of " + date + ")" + (dryRun ? ", dry run" : "") + "...");
        Progress progress = new Progress(err, FicheCount.estimate(path));
        int status = 0;
        try (FicheSource source = org.cqpsuite.importer.Exports.open(path)) {
            run.run(source, date, progress);
        } catch (ExportFormatException | HttpSuiteApi.SuiteApiException e) {
            err.println();
            err.println("import: stopped: " + e.getMessage());
            status = 1;
        } catch (Exception e) {
            err.println();
            err.println("import: stopped: " + e);
            status = 1;
        }
        String rate = String.format("Rate: %,.0f fiches/s%n", progress.rate(report.read()));
        out.print(report.render() + rate);
        if (reportFile != null) {
            Files.writeString(reportFile, report.renderWithClassifications() + rate, StandardCharsets.UTF_8);
            err.println("Report, with each fiche's classification: " + reportFile);
        }
        return status;
    }

    /** The 2014 orders' transcription: the state observed today (or on --export-date). */
    private int importOrders() throws IOException {
        if (!dryRun && (token == null || token.isBlank())) {
            err.println("import: an admin token is needed: --token or CQP_TOKEN (./suite import passes one)");
            return 2;
        }
        LocalDate date = exportDate != null ? exportDate : LocalDate.now(ZoneId.of("Europe/Paris"));
        CertifierBranches branches = cpneBranches == null ? CertifierBranches.none()
                : CertifierBranchesFile.load(cpneBranches);
        ImportReport report = new ImportReport(path + " (official orders, state on " + date + ")");
        err.println("Importing the CQPs registered by official orders in " + path + "...");
        int status = 0;
        try {
            List<OrderRow> rows = OrderReader.read(path);
            if (!dryRun) {
                new OrderImport(new HttpSuiteApi(certificationUrl, registrationUrl, token), branches, report)
                        .run(rows, date);
            }
        } catch (ExportFormatException | HttpSuiteApi.SuiteApiException e) {
            err.println("import: stopped: " + e.getMessage());
            status = 1;
        }
        out.print(report.render());
        if (reportFile != null) {
            Files.writeString(reportFile, report.renderWithClassifications(), StandardCharsets.UTF_8);
        }
        return status;
    }

    static LocalDate dateInName(Path path) {
        for (Path p = path.toAbsolutePath(); p != null; p = p.getParent()) {
            if (p.getFileName() == null) {
                break;
            }
            Matcher m = DATE_IN_NAME.matcher(p.getFileName().toString());
            if (m.find()) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
            }
            if (Files.isDirectory(p)) {
                try (var files = Files.list(p)) {
                    LocalDate found = files.map(f -> DATE_IN_NAME.matcher(f.getFileName().toString()))
                            .filter(Matcher::find).map(x -> LocalDate.of(Integer.parseInt(x.group(1)),
                                    Integer.parseInt(x.group(2)), Integer.parseInt(x.group(3))))
                            .findFirst().orElse(null);
                    if (found != null) {
                        return found;
                    }
                } catch (IOException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
