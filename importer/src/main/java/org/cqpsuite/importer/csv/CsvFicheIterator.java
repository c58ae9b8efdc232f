package org.cqpsuite.importer.csv;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.cqpsuite.importer.fiche.ExportFormatException;
import org.cqpsuite.importer.fiche.FicheMapper;
import org.cqpsuite.importer.fiche.FicheRejection;
import org.cqpsuite.importer.fiche.FicheResult;
import org.cqpsuite.importer.fiche.FicheSource;
import org.cqpsuite.importer.fiche.RawFiche;

/** Streams the Standard part's rows, each joined with its rows of the secondary parts, indexed beforehand. */
final class CsvFicheIterator implements FicheSource {

    private static final String NUMERO_FICHE = "Numero_Fiche";
    private static final int MAX_LISTED = 10;

    /**
     * RFC 4180 with {@code ;}: fields in double quotes may hold {@code ;}, doubled quotes and line breaks. Header names
     * are matched without case; values are not trimmed here (the mapper does it, the same way for both formats).
     */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setDelimiter(';')
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreHeaderCase(true)
            .setIgnoreEmptyLines(true)
            .setAllowMissingColumnNames(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_EMPTY)
            .setTrim(false)
            .get();

    private final CsvExportFiles files;
    private final Map<CsvPart, Map<String, List<String[]>>> index = new EnumMap<>(CsvPart.class);
    /** Problems of secondary rows, by fiche key, waiting for their Standard row. */
    private final Map<String, List<String>> secondaryProblems = new HashMap<>();
    private final Set<String> seen = new HashSet<>();
    private final List<String> warnings = new ArrayList<>();
    private final String standardName;
    private final CSVParser standard;
    private final Iterator<CSVRecord> records;
    private final int standardColumns;
    private FicheResult next;
    private boolean finished;

    CsvFicheIterator(CsvExportFiles files) {
        this.files = files;
        for (CsvPart part : CsvPart.values()) {
            if (part != CsvPart.STANDARD) {
                index.put(part, files.has(part) ? load(part) : Map.of());
            }
        }
        this.standardName = files.fileName(CsvPart.STANDARD);
        this.standard = parse(CsvPart.STANDARD, files.open(CsvPart.STANDARD));
        this.standardColumns = standard.getHeaderNames().size();
        this.records = standard.iterator();
    }

    @Override
    public boolean hasNext() {
        if (next != null) {
            return true;
        }
        if (finished) {
            return false;
        }
        try {
            if (records.hasNext()) {
                next = toResult(records.next());
                return true;
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            finished = true;
            throw new ExportFormatException(standardName + " cannot be parsed after line "
                    + standard.getCurrentLineNumber() + ": " + e.getMessage(), e);
        }
        finished = true;
        warnAboutOrphans();
        return false;
    }

    @Override
    public FicheResult next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        FicheResult result = next;
        next = null;
        return result;
    }

    @Override
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    @Override
    public void close() {
        finished = true;
        try {
            standard.close();
        } catch (IOException e) {
            // read-only: nothing to lose
        }
        files.close();
    }

    private FicheResult toResult(CSVRecord record) {
        String location = standardName + " record " + record.getRecordNumber();
        String numero = FicheMapper.text(value(record, NUMERO_FICHE));
        String key = key(numero);
        if (key != null && !seen.add(key)) {
            // Its secondary rows went with the first row: this one cannot be told apart from it.
            return new FicheResult.Rejected(numero, "Numero_Fiche given on two Standard rows", location);
        }
        RawFiche raw = new RawFiche();
        if (record.size() != standardColumns) {
            raw.problems.add("Standard row has " + record.size() + " fields where the header has " + standardColumns);
        }
        raw.numeroFiche = numero;
        raw.idFiche = value(record, "Id_Fiche");
        raw.intitule = value(record, "Intitule");
        // The CSV names them the other way round: Abrege_Libelle holds the code (TP), Abrege_Intitule the label.
        raw.abregeCode = value(record, "Abrege_Libelle");
        raw.abregeLibelle = value(record, "Abrege_Intitule");
        raw.niveau = value(record, "Nomenclature_Europe_Niveau");
        raw.actif = value(record, "Actif");
        raw.etatFiche = value(record, "Etat_Fiche");
        raw.typeEnregistrement = value(record, "Type_Enregistrement");
        raw.dateDecision = value(record, "Date_Decision");
        raw.dateEffet = value(record, "Date_Effet");
        raw.dateFinEnregistrement = value(record, "Date_Fin_Enregistrement");
        raw.dateLimiteDelivrance = value(record, "Date_Limite_Delivrance");
        raw.dureeEnregistrement = value(record, "Duree_Enregistrement");
        if (key != null) {
            join(key, raw);
        }
        try {
            return new FicheResult.Accepted(FicheMapper.map(raw), location);
        } catch (FicheRejection rejection) {
            return new FicheResult.Rejected(numero, rejection.reason(), location);
        }
    }

    /** Adds the fiche's secondary rows, removing them from the index (what stays there at the end is orphaned). */
    private void join(String key, RawFiche raw) {
        List<String> problems = secondaryProblems.remove(key);
        if (problems != null) {
            raw.problems.addAll(problems);
        }
        for (String[] row : rows(CsvPart.BLOCS, key)) {
            RawFiche.Block block = new RawFiche.Block();
            block.code = row[0];
            block.libelle = row[1];
            raw.blocks.add(block);
        }
        for (String[] row : rows(CsvPart.CERTIFICATEURS, key)) {
            RawFiche.Certificateur certificateur = new RawFiche.Certificateur();
            certificateur.siret = row[0];
            certificateur.nom = row[1];
            raw.certificateurs.add(certificateur);
        }
        for (String[] row : rows(CsvPart.NSF, key)) {
            raw.nsf.add(row[0]);
        }
        for (String[] row : rows(CsvPart.ROME, key)) {
            raw.rome.add(row[0]);
        }
        for (String[] row : rows(CsvPart.CCN, key)) {
            for (int i = 0; i < row.length; i += 2) {
                RawFiche.Ccn ccn = new RawFiche.Ccn();
                ccn.numero = row[i];
                ccn.libelle = row[i + 1];
                raw.ccn.add(ccn);
            }
        }
        for (String[] row : rows(CsvPart.ANCIENNE_NOUVELLE, key)) {
            add(raw.anciennes, row[0]);
            add(raw.nouvelles, row[1]);
        }
    }

    private List<String[]> rows(CsvPart part, String key) {
        Map<String, List<String[]>> rows = index.get(part);
        List<String[]> found = rows.isEmpty() ? null : rows.remove(key);
        return found == null ? List.of() : found;
    }

    private static void add(List<String> target, String value) {
        if (value != null) {
            target.add(value);
        }
    }

    /** Reads a whole secondary part into fiche key → rows of its kept columns. */
    private Map<String, List<String[]>> load(CsvPart part) {
        String name = files.fileName(part);
        Map<String, List<String[]>> rows = new HashMap<>();
        List<String> kept = part.keptColumns();
        int blankKeys = 0;
        try (CSVParser parser = parse(part, files.open(part))) {
            int columns = parser.getHeaderNames().size();
            for (CSVRecord record : parser) {
                String key = key(FicheMapper.text(value(record, NUMERO_FICHE)));
                if (key == null) {
                    blankKeys++;
                    continue;
                }
                if (record.size() != columns) {
                    secondaryProblems.computeIfAbsent(key, k -> new ArrayList<>()).add(part.officialName()
                            + " row (record " + record.getRecordNumber() + ") has " + record.size()
                            + " fields where the header has " + columns);
                    continue;
                }
                String[] values = new String[kept.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = value(record, kept.get(i));
                }
                rows.computeIfAbsent(key, k -> new ArrayList<>(2)).add(values);
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new ExportFormatException(name + " cannot be parsed: " + e.getMessage(), e);
        }
        if (blankKeys > 0) {
            warnings.add(name + ": " + blankKeys + " row(s) without Numero_Fiche ignored");
        }
        return rows;
    }

    private CSVParser parse(CsvPart part, Reader reader) {
        String name = files.fileName(part);
        CSVParser parser;
        try {
            parser = FORMAT.parse(reader);
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            closeQuietly(reader);
            throw new ExportFormatException(name + ": cannot read its header: " + e.getMessage(), e);
        }
        Set<String> header = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        header.addAll(parser.getHeaderNames());
        for (String column : part.requiredColumns()) {
            if (!header.contains(column)) {
                closeQuietly(parser);
                throw new ExportFormatException(name + " has no column " + column + " (header: "
                        + parser.getHeaderNames() + ")");
            }
        }
        return parser;
    }

    /** A column's value; {@code null} when the part has no such column or the row stops before it. */
    private static String value(CSVRecord record, String column) {
        if (!record.isMapped(column) || !record.isSet(column)) {
            return null;
        }
        return record.get(column);
    }

    /** The join key: the fiche number as the mapper will normalise it. */
    private static String key(String numero) {
        return numero == null ? null : numero.toUpperCase(Locale.ROOT);
    }

    private void warnAboutOrphans() {
        for (Map.Entry<CsvPart, Map<String, List<String[]>>> part : index.entrySet()) {
            Map<String, List<String[]>> orphans = part.getValue();
            if (!orphans.isEmpty()) {
                List<String> listed = orphans.keySet().stream().sorted().limit(MAX_LISTED).toList();
                warnings.add(files.fileName(part.getKey()) + ": rows for " + orphans.size()
                        + " fiche(s) absent from the Standard part ignored, e.g. " + String.join(", ", listed));
            }
        }
        if (!secondaryProblems.isEmpty()) {
            warnings.add("malformed secondary rows for " + secondaryProblems.size()
                    + " fiche(s) absent from the Standard part ignored, e.g. "
                    + String.join(", ", secondaryProblems.keySet().stream().sorted().limit(MAX_LISTED).toList()));
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // read-only: nothing to lose
        }
    }
}
